-- AlterEnum
ALTER TYPE "SubmissionChannel" ADD VALUE 'drp';

-- CreateTable
CREATE TABLE "drp_agent" (
    "id" VARCHAR(100) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "verify_key" VARCHAR(64) NOT NULL,
    "source" VARCHAR(16) NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "allow_private_network" BOOLEAN NOT NULL DEFAULT false,
    "token_hash" VARCHAR(64),
    "paired_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "drp_agent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drp_request" (
    "id" UUID NOT NULL,
    "request_id" UUID,
    "agent_id" VARCHAR(100) NOT NULL,
    "agent_request_id" VARCHAR(200),
    "exercise" VARCHAR(32) NOT NULL,
    "regime" VARCHAR(32),
    "relationships" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status_callback" VARCHAR(2000),
    "claims" JSONB NOT NULL DEFAULT '{}',
    "recorded_only" VARCHAR(1000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "drp_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drp_signed_message" (
    "agent_id" VARCHAR(100) NOT NULL,
    "body_hash" VARCHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "drp_signed_message_pkey" PRIMARY KEY ("agent_id","body_hash")
);

-- CreateIndex
CREATE UNIQUE INDEX "drp_agent_token_hash_key" ON "drp_agent"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "drp_request_request_id_key" ON "drp_request"("request_id");

-- CreateIndex
CREATE INDEX "drp_request_agent_id_created_at_idx" ON "drp_request"("agent_id", "created_at");

-- CreateIndex
CREATE INDEX "drp_signed_message_expires_at_idx" ON "drp_signed_message"("expires_at");

-- AddForeignKey
ALTER TABLE "drp_request" ADD CONSTRAINT "drp_request_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "privacy_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drp_request" ADD CONSTRAINT "drp_request_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "drp_agent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- DRP status callbacks (lib/drp/send-status-callback.ts): every change of a DRP request's status, due
-- date or verification (which decides need_user_verification) queues one callback job in the transaction that made the change, wherever in the code it was
-- made. The job key keeps one pending callback per request (it sends the status at the time it runs);
-- max_attempts matches jobs.ts 'send-drp-status-callback'.
CREATE FUNCTION drp_queue_status_callback() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM graphile_worker.add_job('send-drp-status-callback', json_build_object('drpRequestId', d.id),
      max_attempts => 8, job_key => 'drp-callback:' || d.id::text)
    FROM drp_request d WHERE d.request_id = NEW.id AND d.status_callback IS NOT NULL;
  RETURN NEW;
END $$;

CREATE TRIGGER privacy_request_drp_status_callback
  AFTER UPDATE OF status, due_at, extended_at, verification_level, verification_required ON privacy_request
  FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.due_at IS DISTINCT FROM NEW.due_at
    OR OLD.extended_at IS DISTINCT FROM NEW.extended_at
    OR OLD.verification_level IS DISTINCT FROM NEW.verification_level
    OR OLD.verification_required IS DISTINCT FROM NEW.verification_required)
  EXECUTE FUNCTION drp_queue_status_callback();
