-- Hand-written (AUD-1): the audit chain. Every audit_log row is chained at commit by a deferred
-- constraint trigger that locks the single chain-head row, so concurrent transactions on several
-- nodes append one after another, in commit order. The canonical form is described in docs/audit.md
-- and recomputed independently by `passerelle audit verify` (src/services/audit/verify-chain.ts).
CREATE FUNCTION audit_canonical(p_seq bigint, p_at timestamptz, p_actor uuid, p_party text, p_action text, p_target text, p_data jsonb, p_prev text)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws(E'\n', 'passerelle-audit-v1', p_seq::text, ((extract(epoch FROM p_at) * 1000000)::bigint)::text,
    coalesce(to_json(p_actor)::text, 'null'), coalesce(to_json(p_party)::text, 'null'), to_json(p_action)::text,
    coalesce(to_json(p_target)::text, 'null'), p_data::text, p_prev)
$$;
--> statement-breakpoint
INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));
--> statement-breakpoint
CREATE FUNCTION audit_chain_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash text;
  entry_hash text;
BEGIN
  -- Rows brought back by `passerelle restore` carry their original links.
  IF NEW.hash IS NOT NULL THEN
    RETURN NULL;
  END IF;
  SELECT seq, hash INTO head_seq, head_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  entry_hash := encode(sha256(convert_to(audit_canonical(head_seq + 1, NEW.at, NEW.actor_id, NEW.party, NEW.action,
    NEW.target_id, NEW.data, head_hash), 'UTF8')), 'hex');
  UPDATE audit_log SET seq = head_seq + 1, prev_hash = head_hash, hash = entry_hash WHERE id = NEW.id;
  UPDATE audit_chain_head SET seq = head_seq + 1, hash = entry_hash WHERE id = 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Entries written before the chain existed are chained once, in the order they were written.
DO $$
DECLARE
  r record;
  head_seq bigint := 0;
  head_hash text := repeat('0', 64);
  entry_hash text;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    entry_hash := encode(sha256(convert_to(audit_canonical(head_seq + 1, r.at, r.actor_id, r.party, r.action,
      r.target_id, r.data, head_hash), 'UTF8')), 'hex');
    UPDATE audit_log SET seq = head_seq + 1, prev_hash = head_hash, hash = entry_hash WHERE id = r.id;
    head_seq := head_seq + 1;
    head_hash := entry_hash;
  END LOOP;
  UPDATE audit_chain_head SET seq = head_seq, hash = head_hash WHERE id = 1;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_log_chain AFTER INSERT ON audit_log DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION audit_chain_append();
