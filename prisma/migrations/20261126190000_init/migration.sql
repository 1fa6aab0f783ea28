-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('unverified', 'verified', 'in_progress', 'awaiting_requester', 'completed', 'denied', 'withdrawn', 'expired');

-- CreateEnum
CREATE TYPE "RequestType" AS ENUM ('access', 'correction', 'deletion', 'export', 'restriction', 'objection');

-- CreateEnum
CREATE TYPE "SubmissionChannel" AS ENUM ('web', 'api');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('requester', 'staff', 'system');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('pending', 'sent', 'failed');

-- CreateEnum
CREATE TYPE "DenialReason" AS ENUM ('cannot_verify', 'manifestly_unfounded', 'exempt', 'not_covered', 'duplicate', 'other');

-- CreateEnum
CREATE TYPE "MessageDirection" AS ENUM ('to_requester', 'from_requester');

-- CreateEnum
CREATE TYPE "PauseReason" AS ENUM ('awaiting_identity', 'awaiting_clarification');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('admin', 'reviewer', 'viewer');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('reminder', 'overdue');

-- CreateTable
CREATE TABLE "privacy_request" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'unverified',
    "types" "RequestType"[],
    "jurisdiction" VARCHAR(16) NOT NULL,
    "channel" "SubmissionChannel" NOT NULL,
    "email_hash" VARCHAR(64) NOT NULL,
    "email" VARCHAR(320) NOT NULL,
    "name" VARCHAR(200),
    "account_email" VARCHAR(320),
    "details" VARCHAR(5000),
    "agent_name" VARCHAR(200),
    "agent_email" VARCHAR(320),
    "submission_token_hash" VARCHAR(64) NOT NULL,
    "status_nonce" VARCHAR(64),
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "verified_at" TIMESTAMPTZ(3),
    "verified_ip" VARCHAR(64),
    "verified_user_agent" VARCHAR(512),
    "closed_at" TIMESTAMPTZ(3),
    "submitted_ip" VARCHAR(64),
    "submitted_user_agent" VARCHAR(512),
    "acknowledged_at" TIMESTAMPTZ(3),
    "extended_at" TIMESTAMPTZ(3),
    "extension_reason" VARCHAR(2000),
    "denial_reason" "DenialReason",
    "partial" BOOLEAN NOT NULL DEFAULT false,
    "response_message" VARCHAR(10000),
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" TEXT,
    "assignee_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "privacy_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_note" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "author_id" TEXT NOT NULL,
    "body" VARCHAR(5000) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "request_note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "requester_message" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "direction" "MessageDirection" NOT NULL,
    "body" VARCHAR(5000) NOT NULL,
    "staff_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "requester_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clock_pause" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "reason" "PauseReason" NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "clock_pause_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_user" (
    "id" TEXT NOT NULL,
    "name" VARCHAR(200),
    "email" VARCHAR(320) NOT NULL,
    "email_verified" TIMESTAMPTZ(3),
    "image" VARCHAR(1000),
    "role" "StaffRole" NOT NULL DEFAULT 'reviewer',
    "invited_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deactivated_at" TIMESTAMPTZ(3),

    CONSTRAINT "staff_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_account" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "type" VARCHAR(64) NOT NULL,
    "provider" VARCHAR(64) NOT NULL,
    "provider_account_id" VARCHAR(255) NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" VARCHAR(64),
    "scope" VARCHAR(1000),
    "id_token" TEXT,
    "session_state" VARCHAR(255),

    CONSTRAINT "staff_account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_session" (
    "id" TEXT NOT NULL,
    "session_token" VARCHAR(255) NOT NULL,
    "user_id" TEXT NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "staff_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_login_token" (
    "identifier" VARCHAR(320) NOT NULL,
    "token" VARCHAR(255) NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL
);

-- CreateTable
CREATE TABLE "staff_notification" (
    "id" UUID NOT NULL,
    "user_id" TEXT NOT NULL,
    "request_id" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "day" DATE NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "staff_notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification_link" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "verification_link_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "request_id" UUID,
    "action" VARCHAR(64) NOT NULL,
    "actor_type" "ActorType" NOT NULL,
    "actor_id" VARCHAR(64),
    "ip" VARCHAR(64),
    "user_agent" VARCHAR(512),
    "public" BOOLEAN NOT NULL DEFAULT false,
    "summary" VARCHAR(500),
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_email" (
    "id" UUID NOT NULL,
    "request_id" UUID,
    "template" VARCHAR(64) NOT NULL,
    "to" VARCHAR(320) NOT NULL,
    "subject" VARCHAR(300) NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'pending',
    "transport" VARCHAR(16),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" VARCHAR(1000),
    "provider_id" VARCHAR(128),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_email_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "privacy_request_number_key" ON "privacy_request"("number");

-- CreateIndex
CREATE UNIQUE INDEX "privacy_request_submission_token_hash_key" ON "privacy_request"("submission_token_hash");

-- CreateIndex
CREATE INDEX "privacy_request_email_hash_idx" ON "privacy_request"("email_hash");

-- CreateIndex
CREATE INDEX "privacy_request_closed_at_due_at_id_idx" ON "privacy_request"("closed_at", "due_at", "id");

-- CreateIndex
CREATE INDEX "privacy_request_assignee_id_status_due_at_idx" ON "privacy_request"("assignee_id", "status", "due_at");

-- CreateIndex
CREATE INDEX "request_note_request_id_created_at_idx" ON "request_note"("request_id", "created_at");

-- CreateIndex
CREATE INDEX "requester_message_request_id_created_at_idx" ON "requester_message"("request_id", "created_at");

-- CreateIndex
CREATE INDEX "clock_pause_request_id_idx" ON "clock_pause"("request_id");

-- CreateIndex
CREATE UNIQUE INDEX "staff_user_email_key" ON "staff_user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "staff_account_provider_provider_account_id_key" ON "staff_account"("provider", "provider_account_id");

-- CreateIndex
CREATE UNIQUE INDEX "staff_session_session_token_key" ON "staff_session"("session_token");

-- CreateIndex
CREATE INDEX "staff_session_user_id_idx" ON "staff_session"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "staff_login_token_token_key" ON "staff_login_token"("token");

-- CreateIndex
CREATE UNIQUE INDEX "staff_login_token_identifier_token_key" ON "staff_login_token"("identifier", "token");

-- CreateIndex
CREATE INDEX "staff_notification_user_id_sent_at_idx" ON "staff_notification"("user_id", "sent_at");

-- CreateIndex
CREATE UNIQUE INDEX "staff_notification_user_id_request_id_kind_day_key" ON "staff_notification"("user_id", "request_id", "kind", "day");

-- CreateIndex
CREATE UNIQUE INDEX "verification_link_token_hash_key" ON "verification_link"("token_hash");

-- CreateIndex
CREATE INDEX "verification_link_request_id_idx" ON "verification_link"("request_id");

-- CreateIndex
CREATE INDEX "audit_event_request_id_created_at_idx" ON "audit_event"("request_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_event_created_at_idx" ON "audit_event"("created_at");

-- CreateIndex
CREATE INDEX "outbox_email_status_created_at_idx" ON "outbox_email"("status", "created_at");

-- CreateIndex
CREATE INDEX "outbox_email_request_id_idx" ON "outbox_email"("request_id");

-- AddForeignKey
ALTER TABLE "privacy_request" ADD CONSTRAINT "privacy_request_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_note" ADD CONSTRAINT "request_note_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "privacy_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_note" ADD CONSTRAINT "request_note_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requester_message" ADD CONSTRAINT "requester_message_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "privacy_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clock_pause" ADD CONSTRAINT "clock_pause_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "privacy_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_account" ADD CONSTRAINT "staff_account_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_session" ADD CONSTRAINT "staff_session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_notification" ADD CONSTRAINT "staff_notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_notification" ADD CONSTRAINT "staff_notification_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "privacy_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verification_link" ADD CONSTRAINT "verification_link_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "privacy_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "privacy_request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_email" ADD CONSTRAINT "outbox_email_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "privacy_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The audit log is append-only: nobody, the application included, may change or remove an event.
-- Prisma does not model triggers, so the drift test does not see these; the audit tests do.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_append_only
  BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- Status and closed_at move together (closed_at is set exactly when a request closes). Without this
-- the planner multiplies their selectivities, underestimates the open queue a hundredfold, and sorts
-- it instead of reading the (closed_at, due_at, id) index in order. Prisma does not model statistics.
CREATE STATISTICS "privacy_request_status_closed_at" (mcv, dependencies) ON "status", "closed_at" FROM "privacy_request";
