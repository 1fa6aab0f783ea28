-- CreateEnum
CREATE TYPE "RecipientRole" AS ENUM ('processor', 'third_party');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'complaint_reminder';
ALTER TYPE "NotificationKind" ADD VALUE 'complaint_overdue';

-- AlterEnum
ALTER TYPE "TaskType" ADD VALUE 'notify_recipient';

-- AlterTable
ALTER TABLE "fulfilment_task" ADD COLUMN     "not_told" VARCHAR(32),
ADD COLUMN     "recipient_id" UUID,
ALTER COLUMN "system_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "data_recipient" (
    "id" UUID NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "role" "RecipientRole" NOT NULL,
    "categories" TEXT[],
    "contact" VARCHAR(500) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "data_recipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_complaint" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "jurisdiction" VARCHAR(16) NOT NULL,
    "statement" VARCHAR(5000),
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledge_by" TIMESTAMPTZ(3) NOT NULL,
    "acknowledged_at" TIMESTAMPTZ(3),
    "respond_by" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" TEXT,
    "outcome_message" VARCHAR(10000),

    CONSTRAINT "request_complaint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "data_recipient_key_key" ON "data_recipient"("key");

-- CreateIndex
CREATE INDEX "request_complaint_request_id_idx" ON "request_complaint"("request_id");

-- CreateIndex
CREATE INDEX "request_complaint_resolved_at_respond_by_idx" ON "request_complaint"("resolved_at", "respond_by");

-- CreateIndex
CREATE INDEX "request_complaint_received_at_idx" ON "request_complaint"("received_at");

-- CreateIndex
CREATE UNIQUE INDEX "fulfilment_task_request_id_recipient_id_type_key" ON "fulfilment_task"("request_id", "recipient_id", "type");

-- AddForeignKey
ALTER TABLE "fulfilment_task" ADD CONSTRAINT "fulfilment_task_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "data_recipient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_complaint" ADD CONSTRAINT "request_complaint_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "privacy_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A task belongs to a system, or (notify_recipient) to a recipient: exactly one of the two.
ALTER TABLE "fulfilment_task" ADD CONSTRAINT "fulfilment_task_system_or_recipient"
  CHECK ((system_id IS NULL) <> (recipient_id IS NULL));

-- The recipients Bitstride's privacy policy names (the categories as lib/fulfilment/inventory-seed.ts
-- names them). Contacts are for an admin to confirm on the inventory page.
INSERT INTO "data_recipient" ("id", "key", "name", "role", "categories", "contact", "updated_at") VALUES
  (gen_random_uuid(), 'hosting', 'Infrastructure and hosting providers', 'processor',
   ARRAY['Account information', 'Usage data', 'Log and device data', 'Customer content'], 'To be confirmed: the providers'' privacy contacts', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'observability', 'Observability providers', 'processor',
   ARRAY['Usage data', 'Log and device data'], 'To be confirmed: the providers'' privacy contacts', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'communication', 'Communication and help-desk providers', 'processor',
   ARRAY['Support and communication content', 'Communication preferences'], 'To be confirmed: the providers'' privacy contacts', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'payments', 'Payment providers', 'processor',
   ARRAY['Billing, plan and business contact information'], 'To be confirmed: the providers'' privacy contacts', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'analytics', 'Analytics providers (Vercel)', 'processor',
   ARRAY['Cookie, analytics and performance data'], 'To be confirmed: the provider''s privacy contact', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'tax', 'Tax advisers and authorities (when required by law)', 'third_party',
   ARRAY['Billing, plan and business contact information'], 'To be confirmed: the adviser''s contact', CURRENT_TIMESTAMP);
