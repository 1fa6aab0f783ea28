-- AlterTable
ALTER TABLE "privacy_request" ADD COLUMN     "account_email_verified_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "account_email_proof" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL,
    "email_hash" VARCHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_email_proof_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "account_email_proof_token_hash_key" ON "account_email_proof"("token_hash");

-- CreateIndex
CREATE INDEX "account_email_proof_request_id_created_at_idx" ON "account_email_proof"("request_id", "created_at");

-- AddForeignKey
ALTER TABLE "account_email_proof" ADD CONSTRAINT "account_email_proof_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "privacy_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;
