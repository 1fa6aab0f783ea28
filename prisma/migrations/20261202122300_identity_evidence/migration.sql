-- Identity evidence (lib/verification/evidence/): documents and signed declarations requesters upload,
-- stored encrypted and reviewed by staff; and the stronger proof staff may ask for, with its reason.

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('document', 'declaration');

-- CreateEnum
CREATE TYPE "EvidenceDecision" AS ENUM ('accepted', 'rejected');

-- AlterTable
ALTER TABLE "privacy_request" ADD COLUMN     "verification_required_at" TIMESTAMPTZ(3),
ADD COLUMN     "verification_required_reason" VARCHAR(2000);

-- CreateTable
CREATE TABLE "identity_evidence" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "kind" "EvidenceKind" NOT NULL,
    "storage_key" VARCHAR(500),
    "content_type" VARCHAR(100) NOT NULL,
    "size" INTEGER NOT NULL,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decision" "EvidenceDecision",
    "decision_level" "VerificationLevel",
    "decision_reason" VARCHAR(2000),
    "decided_by_id" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "delete_after" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "identity_evidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "identity_evidence_request_id_uploaded_at_idx" ON "identity_evidence"("request_id", "uploaded_at");

-- CreateIndex
CREATE INDEX "identity_evidence_delete_after_idx" ON "identity_evidence"("delete_after");

-- AddForeignKey
ALTER TABLE "identity_evidence" ADD CONSTRAINT "identity_evidence_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "privacy_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;
