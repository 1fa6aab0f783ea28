-- Verification levels (lib/verification/levels.ts): the checks that succeeded per request, and
-- the level they reach together, kept on the request for the queue.

-- CreateEnum
CREATE TYPE "VerificationLevel" AS ENUM ('none', 'email', 'reasonable', 'high');

-- CreateEnum
CREATE TYPE "VerificationMethod" AS ENUM ('email_link', 'account_sign_in', 'data_points', 'declaration', 'evidence');

-- AlterTable
ALTER TABLE "privacy_request" ADD COLUMN     "verification_level" "VerificationLevel" NOT NULL DEFAULT 'none',
ADD COLUMN     "verification_required" "VerificationLevel";

-- CreateTable
CREATE TABLE "verification_check" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "method" "VerificationMethod" NOT NULL,
    "points" INTEGER,
    "level" "VerificationLevel",
    "detail" JSONB,
    "staff_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "verification_check_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "verification_check_request_id_created_at_idx" ON "verification_check"("request_id", "created_at");

-- AddForeignKey
ALTER TABLE "verification_check" ADD CONSTRAINT "verification_check_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "privacy_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Requests verified before this migration proved control of their email by its link.
INSERT INTO "verification_check" ("id", "request_id", "method", "created_at")
SELECT gen_random_uuid(), "id", 'email_link', "verified_at" FROM "privacy_request" WHERE "verified_at" IS NOT NULL;
UPDATE "privacy_request" SET "verification_level" = 'email' WHERE "verified_at" IS NOT NULL;
