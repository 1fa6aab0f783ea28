-- AlterTable
ALTER TABLE "privacy_request" ADD COLUMN     "unverified_slot" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "privacy_request_unverified_slot_key" ON "privacy_request"("email_hash", "unverified_slot");

-- Requests already waiting for confirmation take places 1, 2, … per address, oldest first.
UPDATE "privacy_request" AS r SET "unverified_slot" = waiting.place
FROM (
  SELECT "id", row_number() OVER (PARTITION BY "email_hash" ORDER BY "received_at", "number") AS place
  FROM "privacy_request" WHERE "status" = 'unverified'
) AS waiting
WHERE r."id" = waiting."id";

-- Hand-written (Prisma does not model triggers): a request that leaves `unverified` (confirmed,
-- expired, withdrawn) gives its place back, in the same statement as the change of status.
CREATE FUNCTION privacy_request_free_unverified_slot() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."unverified_slot" := NULL;
  RETURN NEW;
END;
$$;

CREATE TRIGGER privacy_request_free_unverified_slot
BEFORE UPDATE OF "status" ON "privacy_request"
FOR EACH ROW WHEN (NEW."status" <> 'unverified' AND NEW."unverified_slot" IS NOT NULL)
EXECUTE FUNCTION privacy_request_free_unverified_slot();
