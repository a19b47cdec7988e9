-- Tamper-evident audit log: every entry carries seq (its place in the chain), prevHash (the previous
-- entry's hash) and hash = sha256 of its canonical content. A BEFORE INSERT trigger computes them in the
-- database, so every writer (commands, seeds, future code, several app instances) is chained and none can
-- forget it. The TypeScript verifier (src/server/audit/chain.ts) recomputes the same bytes independently.
--
-- Canonical content (UTF-8), lines joined by "\n":
--   sothidua-audit-v1
--   prevHash=<64 lowercase hex; 64 zeros for the first entry>
--   then one line per field, in this order: seq, at, actorId, actorName, action, entityType, entityId,
--   clusterId, unitId, before, after — each "<name>=~" when null, else "<name>=<byte length>:<text>" where
--   the text is: seq in decimal; at as YYYY-MM-DDTHH:MI:SS.mmmZ (the column holds UTC); uuids in lowercase;
--   strings as stored; before/after in jsonb's own (canonical) text form.
-- The byte length prefix makes the encoding unambiguous whatever the values contain.

ALTER TABLE "AuditLog" ADD COLUMN "seq" BIGINT,
ADD COLUMN "prevHash" CHAR(64),
ADD COLUMN "hash" CHAR(64);

CREATE FUNCTION audit_log_field(field_name text, field_value text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT E'\n' || field_name || '=' || CASE WHEN field_value IS NULL THEN '~' ELSE octet_length(field_value)::text || ':' || field_value END
$$;

CREATE FUNCTION audit_log_hash(
  p_prev_hash text, p_seq bigint, p_at timestamp, p_actor_id uuid, p_actor_name text, p_action text,
  p_entity_type text, p_entity_id text, p_cluster_id uuid, p_unit_id uuid, p_before jsonb, p_after jsonb
) RETURNS char(64)
LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(
    'sothidua-audit-v1' || E'\nprevHash=' || p_prev_hash
    || audit_log_field('seq', p_seq::text)
    || audit_log_field('at', to_char(p_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    || audit_log_field('actorId', p_actor_id::text)
    || audit_log_field('actorName', p_actor_name)
    || audit_log_field('action', p_action)
    || audit_log_field('entityType', p_entity_type)
    || audit_log_field('entityId', p_entity_id)
    || audit_log_field('clusterId', p_cluster_id::text)
    || audit_log_field('unitId', p_unit_id::text)
    || audit_log_field('before', p_before::text)
    || audit_log_field('after', p_after::text),
  'UTF8')), 'hex')
$$;

-- Existing entries, in the order they were written.
DO $$
DECLARE
  r record;
  n bigint := 0;
  prev char(64) := repeat('0', 64);
BEGIN
  FOR r IN SELECT * FROM "AuditLog" ORDER BY id LOOP
    n := n + 1;
    UPDATE "AuditLog" SET seq = n, "prevHash" = prev,
      hash = audit_log_hash(prev, n, r.at, r."actorId", r."actorName", r.action, r."entityType", r."entityId", r."clusterId", r."unitId", r.before, r.after)
    WHERE id = r.id
    RETURNING hash INTO prev;
  END LOOP;
END $$;

ALTER TABLE "AuditLog" ALTER COLUMN "seq" SET NOT NULL,
ALTER COLUMN "prevHash" SET NOT NULL,
ALTER COLUMN "hash" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "AuditLog_seq_key" ON "AuditLog"("seq");

-- The viewer's filters (by entity, by actor), newest first.
DROP INDEX "AuditLog_entityType_entityId_idx";
CREATE INDEX "AuditLog_entityType_entityId_at_idx" ON "AuditLog"("entityType", "entityId", "at");
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- The chain link. The transaction-level advisory lock (fixed key) makes chaining sequential across
-- connections and app instances until the inserting transaction ends; a rolled-back insert releases it
-- with its row, so the next writer reuses the same seq and leaves no hole. Every statement of a PL/pgSQL
-- function takes a fresh snapshot (READ COMMITTED), so the last entry read after the lock is the latest
-- committed one (or this transaction's own, including earlier rows of the same multi-row INSERT). A
-- REPEATABLE READ / SERIALIZABLE writer with an older snapshot would read a stale last entry; the unique
-- index on seq then refuses its insert instead of forking the chain.
CREATE FUNCTION audit_log_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash char(64);
BEGIN
  PERFORM pg_advisory_xact_lock(7202611280); -- "AuditLog chain"
  SELECT a.seq, a.hash INTO last_seq, last_hash FROM "AuditLog" a ORDER BY a.seq DESC LIMIT 1;
  NEW.seq := COALESCE(last_seq, 0) + 1;
  NEW."prevHash" := COALESCE(last_hash, repeat('0', 64));
  NEW.hash := audit_log_hash(NEW."prevHash", NEW.seq, NEW.at, NEW."actorId", NEW."actorName", NEW.action,
    NEW."entityType", NEW."entityId", NEW."clusterId", NEW."unitId", NEW.before, NEW.after);
  RETURN NEW;
END $$;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

-- Append-only for the application: entries are never edited or deleted. (An owner can still disable the
-- trigger or TRUNCATE; that is what the chain and `npm run audit:verify` reveal.) The restore disables
-- user triggers while it copies the backed-up rows, chain columns included, back verbatim.
CREATE FUNCTION audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only: entries cannot be changed or deleted';
END $$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
