-- AlterTable
ALTER TABLE "opt_out_signal" ADD COLUMN     "account_hash_key" VARCHAR(16),
ADD COLUMN     "email_hash_key" VARCHAR(16);

-- AlterTable
ALTER TABLE "privacy_request" ADD COLUMN     "email_hash_key" VARCHAR(16);

-- CreateTable
CREATE TABLE "rekey_run" (
    "id" UUID NOT NULL,
    "hash_key" VARCHAR(16) NOT NULL,
    "storage_key" VARCHAR(16) NOT NULL,
    "step" VARCHAR(40) NOT NULL,
    "after_id" VARCHAR(64),
    "moved" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "started_by" VARCHAR(200) NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "rekey_run_pkey" PRIMARY KEY ("id")
);
