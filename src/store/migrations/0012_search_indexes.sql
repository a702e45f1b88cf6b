-- Hand-written (COL-6): re-applicable. Replacing a generated "search" column (0008) drops the GIN
-- index on it, which drizzle-kit does not re-create; the search needs them.
CREATE INDEX IF NOT EXISTS "tickets_search" ON "tickets" USING gin ("search");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "known_errors_search" ON "known_errors" USING gin ("search");
