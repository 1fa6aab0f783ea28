-- Links made before were made from any asserted address, verified or not: nobody can tell an
-- attacker's link from a real one, so every link goes and each person links again, once, by a
-- verified email from the configured issuer.
DELETE FROM "staff_account";

-- AlterTable
ALTER TABLE "staff_account" ADD COLUMN     "email" VARCHAR(320) NOT NULL,
ADD COLUMN     "issuer" VARCHAR(1000) NOT NULL,
ADD COLUMN     "linked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE UNIQUE INDEX "staff_account_user_id_provider_key" ON "staff_account"("user_id", "provider");
