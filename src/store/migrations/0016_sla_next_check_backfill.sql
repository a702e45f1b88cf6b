-- Every open ticket under service levels is due for the SLA check once: its next pass computes
-- the instant from the facts, the alerts and the parties' calendars (jobs/sla-monitor.ts) and
-- writes it, in batches, so the backfill is the first pass after the upgrade.
UPDATE "tickets" SET "sla_next_check_at" = now()
WHERE "type" IN ('incident', 'request') AND "status" <> 'closed' AND "sla_facts" IS NOT NULL;
