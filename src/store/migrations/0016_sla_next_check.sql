ALTER TABLE "parties" ADD COLUMN "sla_checked_stamp" integer;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_next_check_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "tickets_sla_next_check" ON "tickets" USING btree ("sla_next_check_at") WHERE "tickets"."status" <> 'closed' AND "tickets"."sla_next_check_at" IS NOT NULL;