-- Live updates: every statement that adds timeline events announces the tickets it changed on the
-- `ticket_changed` channel (payload: the ticket id). NOTIFY inside a transaction is delivered at its
-- commit, and never after a rollback; identical payloads of one transaction are delivered once.
-- Every ticket change writes events (store/ticket-writes.insertEventRows, the CSV import), so this
-- is the one source of the change feed, on PGlite (`listen`) and on PostgreSQL (`LISTEN`, every node).
CREATE FUNCTION ticket_events_announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ticket_changed', changed.ticket_id::text)
    FROM (SELECT DISTINCT ticket_id FROM added_events) AS changed;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER ticket_events_announce AFTER INSERT ON ticket_events
  REFERENCING NEW TABLE AS added_events
  FOR EACH STATEMENT EXECUTE FUNCTION ticket_events_announce();
