-- CreateTable
CREATE TABLE "request_outcome_rollup" (
    "day" DATE NOT NULL,
    "jurisdiction" VARCHAR(16) NOT NULL,
    "types" VARCHAR(200) NOT NULL,
    "status" "RequestStatus" NOT NULL,
    "partial" BOOLEAN NOT NULL,
    "denial_reason" VARCHAR(32) NOT NULL,
    "days" INTEGER NOT NULL,
    "on_time" BOOLEAN NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "request_outcome_rollup_pkey" PRIMARY KEY ("day","jurisdiction","types","status","partial","denial_reason","days","on_time")
);

-- CreateIndex
CREATE INDEX "privacy_request_open_metrics_idx" ON "privacy_request"("closed_at", "received_at", "jurisdiction", "status", "partial", "denial_reason", "decided_at", "due_at", "types");

-- Kept by triggers (not modelled by Prisma), in the same transaction as the change to privacy_request.
-- A closed request adds 1 to its group; the same row before a change subtracts 1. The counted values
-- are those of lib/metrics/outcome-sql.ts requestGroups: day of receipt (UTC), whole days from receipt
-- to a decision of a completed or denied request, on time when decided by the due date.
CREATE FUNCTION request_outcome_rollup_add(r privacy_request, delta integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  decided boolean := r.status IN ('completed', 'denied') AND r.decided_at IS NOT NULL;
  remaining integer;
BEGIN
  IF r.closed_at IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO request_outcome_rollup AS o (day, jurisdiction, types, status, partial, denial_reason, days, on_time, n)
  VALUES (
    (r.received_at AT TIME ZONE 'UTC')::date,
    r.jurisdiction,
    r.types::text,
    r.status,
    r.partial,
    coalesce(r.denial_reason::text, ''),
    CASE WHEN decided THEN floor(date_part('epoch', r.decided_at - r.received_at) / 86400)::int ELSE -1 END,
    decided AND r.decided_at <= r.due_at,
    delta)
  ON CONFLICT (day, jurisdiction, types, status, partial, denial_reason, days, on_time) DO UPDATE SET n = o.n + EXCLUDED.n
  RETURNING o.n INTO remaining;
  -- A group nobody is in any more (its last request reopened, corrected or deleted) goes.
  IF remaining = 0 THEN
    DELETE FROM request_outcome_rollup o
    WHERE (o.day, o.jurisdiction, o.types, o.status, o.partial, o.denial_reason, o.days, o.on_time) =
      ((r.received_at AT TIME ZONE 'UTC')::date, r.jurisdiction, r.types::text, r.status, r.partial, coalesce(r.denial_reason::text, ''),
       CASE WHEN decided THEN floor(date_part('epoch', r.decided_at - r.received_at) / 86400)::int ELSE -1 END, decided AND r.decided_at <= r.due_at);
  END IF;
END $$;

CREATE FUNCTION request_outcome_rollup_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    TRUNCATE request_outcome_rollup;
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM request_outcome_rollup_add(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM request_outcome_rollup_add(NEW, 1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER request_outcome_rollup_insert_delete
  AFTER INSERT OR DELETE ON privacy_request
  FOR EACH ROW EXECUTE FUNCTION request_outcome_rollup_on_change();

-- Only changes to a counted column touch the rollup (not a purge's anonymisation, an assignment, a note...).
CREATE TRIGGER request_outcome_rollup_update
  AFTER UPDATE ON privacy_request
  FOR EACH ROW
  WHEN (OLD.closed_at IS DISTINCT FROM NEW.closed_at OR OLD.status IS DISTINCT FROM NEW.status OR OLD.partial IS DISTINCT FROM NEW.partial
    OR OLD.denial_reason IS DISTINCT FROM NEW.denial_reason OR OLD.decided_at IS DISTINCT FROM NEW.decided_at OR OLD.due_at IS DISTINCT FROM NEW.due_at
    OR OLD.received_at IS DISTINCT FROM NEW.received_at OR OLD.jurisdiction IS DISTINCT FROM NEW.jurisdiction OR OLD.types IS DISTINCT FROM NEW.types)
  EXECUTE FUNCTION request_outcome_rollup_on_change();

CREATE TRIGGER request_outcome_rollup_truncate
  AFTER TRUNCATE ON privacy_request
  FOR EACH STATEMENT EXECUTE FUNCTION request_outcome_rollup_on_change();

-- The requests closed before this migration.
INSERT INTO request_outcome_rollup (day, jurisdiction, types, status, partial, denial_reason, days, on_time, n)
SELECT (received_at AT TIME ZONE 'UTC')::date, jurisdiction, types::text, status, partial, coalesce(denial_reason::text, ''),
  CASE WHEN status IN ('completed', 'denied') AND decided_at IS NOT NULL THEN floor(date_part('epoch', decided_at - received_at) / 86400)::int ELSE -1 END,
  status IN ('completed', 'denied') AND decided_at IS NOT NULL AND decided_at <= due_at,
  count(*)::int
FROM privacy_request WHERE closed_at IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
