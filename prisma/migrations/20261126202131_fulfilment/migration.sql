-- CreateEnum
CREATE TYPE "SystemKind" AS ENUM ('manual', 'postgres', 'webhook');

-- CreateEnum
CREATE TYPE "TaskType" AS ENUM ('collect', 'erase', 'correct', 'restrict', 'suppress');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('open', 'running', 'done', 'failed', 'closed');

-- CreateTable
CREATE TABLE "data_system" (
    "id" UUID NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "description" VARCHAR(2000),
    "kind" "SystemKind" NOT NULL DEFAULT 'manual',
    "owner_id" TEXT,
    "task_types" "TaskType"[],
    "checklist" TEXT[],
    "connection_url" VARCHAR(1000),
    "statements" JSONB NOT NULL DEFAULT '{}',
    "webhook_url" VARCHAR(1000),
    "webhook_secret" VARCHAR(200),
    "allow_private_network" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "data_system_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "data_category" (
    "id" UUID NOT NULL,
    "system_id" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "purposes" TEXT[],
    "legal_basis" VARCHAR(500) NOT NULL,
    "recipients" TEXT[],
    "retention" VARCHAR(500) NOT NULL,
    "source" VARCHAR(500) NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "data_category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fulfilment_task" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "system_id" UUID NOT NULL,
    "type" "TaskType" NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'open',
    "automated" BOOLEAN NOT NULL DEFAULT false,
    "assignee_id" TEXT,
    "change" VARCHAR(5000),
    "checklist" JSONB NOT NULL DEFAULT '[]',
    "result" VARCHAR(10000),
    "outcome" JSONB NOT NULL DEFAULT '{}',
    "last_error" VARCHAR(2000),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "callback_token_hash" VARCHAR(64),
    "closed_reason" VARCHAR(2000),
    "closed_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "fulfilment_task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_attachment" (
    "id" UUID NOT NULL,
    "task_id" UUID NOT NULL,
    "file_name" VARCHAR(255) NOT NULL,
    "content_type" VARCHAR(200) NOT NULL,
    "size" BIGINT NOT NULL,
    "storage_key" VARCHAR(500) NOT NULL,
    "uploaded_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "task_attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_nonce" (
    "signature" VARCHAR(128) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_nonce_pkey" PRIMARY KEY ("signature")
);

-- CreateIndex
CREATE UNIQUE INDEX "data_system_key_key" ON "data_system"("key");

-- CreateIndex
CREATE UNIQUE INDEX "data_category_system_id_name_key" ON "data_category"("system_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "fulfilment_task_callback_token_hash_key" ON "fulfilment_task"("callback_token_hash");

-- CreateIndex
CREATE INDEX "fulfilment_task_assignee_id_status_idx" ON "fulfilment_task"("assignee_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "fulfilment_task_request_id_system_id_type_key" ON "fulfilment_task"("request_id", "system_id", "type");

-- CreateIndex
CREATE INDEX "task_attachment_task_id_idx" ON "task_attachment"("task_id");

-- CreateIndex
CREATE INDEX "webhook_nonce_received_at_idx" ON "webhook_nonce"("received_at");

-- AddForeignKey
ALTER TABLE "data_system" ADD CONSTRAINT "data_system_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_category" ADD CONSTRAINT "data_category_system_id_fkey" FOREIGN KEY ("system_id") REFERENCES "data_system"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fulfilment_task" ADD CONSTRAINT "fulfilment_task_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "privacy_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fulfilment_task" ADD CONSTRAINT "fulfilment_task_system_id_fkey" FOREIGN KEY ("system_id") REFERENCES "data_system"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fulfilment_task" ADD CONSTRAINT "fulfilment_task_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_attachment" ADD CONSTRAINT "task_attachment_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "fulfilment_task"("id") ON DELETE CASCADE ON UPDATE CASCADE;
