-- Credentials answered from memory (src/services/auth/credential-cache.ts): every change that can
-- alter whether a session or an API token is accepted, or as whom, bumps `auth_stamp.version` and
-- announces itself on the `auth_changed` channel (payload: the table), in the changing transaction
-- (so only once it commits, never after a rollback). PostgreSQL nodes compare the stamp, read in
-- the statement every request already runs, with the stamp their copy was read at; the embedded
-- store (one process) hears the announcement. Changes that alter no outcome (a token's
-- `last_used_at`, a user's last sign-in or last TOTP step, a new session or token) do not count.
CREATE TABLE auth_stamp (
  id integer PRIMARY KEY CHECK (id = 1),
  version bigint NOT NULL
);--> statement-breakpoint
INSERT INTO auth_stamp (id, version) VALUES (1, 1);--> statement-breakpoint
CREATE FUNCTION auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Once per transaction (the setting is local to it, and undone with a rolled-back savepoint).
  IF current_setting('passerelle.auth_changed', true) IS DISTINCT FROM 'yes' THEN
    UPDATE auth_stamp SET version = version + 1 WHERE id = 1;
    PERFORM set_config('passerelle.auth_changed', 'yes', true);
  END IF;
  PERFORM pg_notify('auth_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER api_tokens_auth_changed AFTER UPDATE ON api_tokens FOR EACH ROW
  WHEN ((OLD.user_id, OLD.token_hash, OLD.scope, OLD.expires_at, OLD.revoked_at)
    IS DISTINCT FROM (NEW.user_id, NEW.token_hash, NEW.scope, NEW.expires_at, NEW.revoked_at))
  EXECUTE FUNCTION auth_changed();--> statement-breakpoint
CREATE TRIGGER api_tokens_auth_removed AFTER DELETE ON api_tokens FOR EACH ROW EXECUTE FUNCTION auth_changed();--> statement-breakpoint
CREATE TRIGGER sessions_auth_changed AFTER UPDATE OR DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION auth_changed();--> statement-breakpoint
CREATE TRIGGER users_auth_changed AFTER UPDATE ON users FOR EACH ROW
  WHEN ((OLD.party_id, OLD.username, OLD.display_name, OLD.email, OLD.password_hash, OLD.roles, OLD.clearance,
         OLD.language, OLD.totp_secret, OLD.totp_enabled, OLD.active, OLD.oidc_issuer, OLD.oidc_subject)
    IS DISTINCT FROM (NEW.party_id, NEW.username, NEW.display_name, NEW.email, NEW.password_hash, NEW.roles,
         NEW.clearance, NEW.language, NEW.totp_secret, NEW.totp_enabled, NEW.active, NEW.oidc_issuer, NEW.oidc_subject))
  EXECUTE FUNCTION auth_changed();--> statement-breakpoint
CREATE TRIGGER users_auth_removed AFTER DELETE ON users FOR EACH ROW EXECUTE FUNCTION auth_changed();--> statement-breakpoint
CREATE TRIGGER parties_auth_changed AFTER UPDATE ON parties FOR EACH ROW
  WHEN ((OLD.kind, OLD.language, OLD.require_totp) IS DISTINCT FROM (NEW.kind, NEW.language, NEW.require_totp))
  EXECUTE FUNCTION auth_changed();--> statement-breakpoint
CREATE TRIGGER parties_auth_removed AFTER DELETE ON parties FOR EACH ROW EXECUTE FUNCTION auth_changed();--> statement-breakpoint
CREATE TRIGGER ip_allowlist_auth_changed AFTER INSERT OR UPDATE OR DELETE ON ip_allowlist FOR EACH ROW
  EXECUTE FUNCTION auth_changed();
