-- CreateEnum
CREATE TYPE "RedactionKind" AS ENUM ('field', 'row', 'pattern');

-- CreateEnum
CREATE TYPE "RedactionReason" AS ENUM ('third_party', 'trade_secret', 'security');

-- AlterEnum
ALTER TYPE "PackageStatus" ADD VALUE 'awaiting_review';

-- AlterTable
ALTER TABLE "data_package" ADD COLUMN     "released_at" TIMESTAMPTZ(3),
ADD COLUMN     "released_by" UUID,
ADD COLUMN     "withheld" JSONB;

-- CreateTable
CREATE TABLE "redaction" (
    "id" UUID NOT NULL,
    "request_id" UUID,
    "dataset" VARCHAR(200),
    "kind" "RedactionKind" NOT NULL,
    "target" VARCHAR(500) NOT NULL,
    "regex" VARCHAR(500),
    "reason" "RedactionReason" NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "redaction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "redaction_request_id_idx" ON "redaction"("request_id");

-- AddForeignKey
ALTER TABLE "redaction" ADD CONSTRAINT "redaction_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "privacy_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;
