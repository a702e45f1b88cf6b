-- The capped total of a ticket list (store/ticket-reads.ts, countVisibleTickets) tests every
-- candidate ticket against the reader's visibility (ISM-4) and the list's filters. Read from the
-- ticket rows (about 1.6 kB each, four to a page), counting up to 1,001 matches read hundreds to
-- thousands of pages. This index holds exactly the columns those tests read, about 100 entries to a
-- page, keyed on the two most common filters: on pages marked all-visible (VACUUM; on the embedded
-- store src/jobs/housekeeping.ts runs it) the count never touches a ticket row.
-- Drizzle's index builder has no INCLUDE, so the index is declared here only (schema/tickets.ts says so).
CREATE INDEX IF NOT EXISTS "tickets_count" ON "tickets" ("status", "priority")
  INCLUDE ("participants", "sensitivity", "team", "owner_party", "assignee_id", "group_id", "type");
