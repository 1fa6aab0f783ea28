-- Requester sign-in with the company's OpenID Connect provider (lib/verification/start-account-sign-in.ts):
-- the pending logins, single use and short-lived.

-- CreateTable
CREATE TABLE "requester_sign_in" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "state_hash" VARCHAR(64) NOT NULL,
    "browser_hash" VARCHAR(64) NOT NULL,
    "status_nonce_hash" VARCHAR(64) NOT NULL,
    "code_verifier" VARCHAR(128) NOT NULL,
    "nonce" VARCHAR(128) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "requester_sign_in_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "requester_sign_in_state_hash_key" ON "requester_sign_in"("state_hash");

-- CreateIndex
CREATE INDEX "requester_sign_in_expires_at_idx" ON "requester_sign_in"("expires_at");

-- CreateIndex
CREATE INDEX "requester_sign_in_request_id_created_at_idx" ON "requester_sign_in"("request_id", "created_at");

-- AddForeignKey
ALTER TABLE "requester_sign_in" ADD CONSTRAINT "requester_sign_in_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "privacy_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;
