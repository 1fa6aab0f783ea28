-- CreateEnum
CREATE TYPE "OptOutSignalSource" AS ENUM ('form', 'property');

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "secret_hash" VARCHAR(64) NOT NULL,
    "scopes" TEXT[],
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "rotated_from" UUID,

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "opt_out_signal" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "signal" VARCHAR(16) NOT NULL,
    "source" "OptOutSignalSource" NOT NULL,
    "email_hash" VARCHAR(64) NOT NULL,
    "account_hash" VARCHAR(64),
    "property" VARCHAR(64) NOT NULL,
    "observed_at" TIMESTAMPTZ(3) NOT NULL,
    "api_key_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "opt_out_signal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_prefix_key" ON "api_keys"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_secret_hash_key" ON "api_keys"("secret_hash");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_rotated_from_key" ON "api_keys"("rotated_from");

-- CreateIndex
CREATE INDEX "opt_out_signal_request_id_idx" ON "opt_out_signal"("request_id");

-- CreateIndex
CREATE UNIQUE INDEX "opt_out_signal_email_hash_signal_key" ON "opt_out_signal"("email_hash", "signal");

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_rotated_from_fkey" FOREIGN KEY ("rotated_from") REFERENCES "api_keys"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opt_out_signal" ADD CONSTRAINT "opt_out_signal_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "privacy_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opt_out_signal" ADD CONSTRAINT "opt_out_signal_api_key_id_fkey" FOREIGN KEY ("api_key_id") REFERENCES "api_keys"("id") ON DELETE SET NULL ON UPDATE CASCADE;
