-- CreateEnum
CREATE TYPE "AppealStatus" AS ENUM ('pending', 'granted', 'rejected');

-- AlterTable
ALTER TABLE "privacy_request" ADD COLUMN     "evidence_purged_at" TIMESTAMPTZ(3),
ADD COLUMN     "legal_hold_at" TIMESTAMPTZ(3),
ADD COLUMN     "legal_hold_by_id" TEXT,
ADD COLUMN     "legal_hold_reason" VARCHAR(1000),
ADD COLUMN     "possible_duplicate_of_id" UUID,
ADD COLUMN     "purged_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "request_appeal" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "status" "AppealStatus" NOT NULL DEFAULT 'pending',
    "statement" VARCHAR(5000),
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" TEXT,
    "outcome_message" VARCHAR(10000),

    CONSTRAINT "request_appeal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "request_appeal_request_id_idx" ON "request_appeal"("request_id");

-- CreateIndex
CREATE INDEX "request_appeal_received_at_idx" ON "request_appeal"("received_at");

-- CreateIndex
CREATE INDEX "privacy_request_metrics_idx" ON "privacy_request"("received_at", "jurisdiction", "status", "partial", "denial_reason", "decided_at", "due_at", "closed_at", "types");

-- AddForeignKey
ALTER TABLE "request_appeal" ADD CONSTRAINT "request_appeal_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "privacy_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Retention (hand-written; Prisma does not model triggers). The audit log stays append-only, with one
-- controlled exception: the retention purge must remove personal data from events about a purged
-- request, or the purge would leave the requester's IP, browser and any payload in place forever.
-- Inside a transaction that ran `SET LOCAL app.retention_purge = 'on'` (only lib/retention does), an
-- UPDATE may clear `ip` and `user_agent` to NULL and drop keys from `data` (the new payload must be
-- contained in the old one); every other column must stay as it was. DELETE and TRUNCATE stay refused
-- in every case, so no event can disappear and no event can say something it did not say before.
-- The purge itself is recorded as a new event (`request.purged`).
CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND current_setting('app.retention_purge', true) = 'on'
     AND NEW.id = OLD.id
     AND NEW.request_id IS NOT DISTINCT FROM OLD.request_id
     AND NEW.action = OLD.action
     AND NEW.actor_type = OLD.actor_type
     AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
     AND NEW.public = OLD.public
     AND NEW.summary IS NOT DISTINCT FROM OLD.summary
     AND NEW.created_at = OLD.created_at
     AND NEW.ip IS NULL
     AND NEW.user_agent IS NULL
     AND OLD.data @> NEW.data
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
