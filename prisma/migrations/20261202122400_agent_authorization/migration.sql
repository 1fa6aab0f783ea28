-- Authorized agents (CCPA regs §7063): the proof an agent files, and the person's answer to it.

-- AlterEnum
ALTER TYPE "DenialReason" ADD VALUE 'agent_not_authorized';

-- CreateEnum
CREATE TYPE "AgentAuthorizationKind" AS ENUM ('signed_permission', 'power_of_attorney');

-- CreateTable
CREATE TABLE "agent_authorization" (
    "request_id" UUID NOT NULL,
    "kind" "AgentAuthorizationKind" NOT NULL,
    "document_key" VARCHAR(200),
    "document_name" VARCHAR(200),
    "document_type" VARCHAR(100) NOT NULL,
    "document_size" INTEGER NOT NULL,
    "person_confirmed_at" TIMESTAMPTZ(3),
    "person_refused_at" TIMESTAMPTZ(3),
    "copies_consented" BOOLEAN NOT NULL DEFAULT false,
    "agent_status_nonce" VARCHAR(64),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agent_authorization_pkey" PRIMARY KEY ("request_id")
);

-- AddForeignKey
ALTER TABLE "agent_authorization" ADD CONSTRAINT "agent_authorization_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "privacy_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;
