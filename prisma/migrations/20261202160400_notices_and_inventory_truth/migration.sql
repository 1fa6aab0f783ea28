-- Notices per reason and a truthful Art. 15 supplement (issue #14 §7, §10): the basis and the part
-- fulfilled of a denial; each system's transfer safeguard and destination; each category's retention
-- confirmation (null: unconfirmed, so every existing category, all seeded, starts unconfirmed).

-- CreateEnum
CREATE TYPE "TransferSafeguard" AS ENUM ('no_transfer', 'adequacy', 'sccs', 'uk_idta', 'uk_addendum', 'bcrs', 'derogation', 'none');

-- AlterTable
ALTER TABLE "data_category" ADD COLUMN     "retention_confirmed_at" TIMESTAMPTZ(3),
ADD COLUMN     "retention_confirmed_by_id" TEXT;

-- AlterTable
ALTER TABLE "data_system" ADD COLUMN     "transfer_country" VARCHAR(100),
ADD COLUMN     "transfer_safeguard" "TransferSafeguard";

-- AlterTable
ALTER TABLE "privacy_request" ADD COLUMN     "denial_basis" VARCHAR(2000),
ADD COLUMN     "denial_fulfilled" VARCHAR(4000);


-- Categories the privacy policy names and the first seed lacked, for inventories seeded before this
-- migration (a fresh install is empty here and gets them from lib/fulfilment/inventory-seed.ts; the
-- text is the seed's). Added only where the system exists and holds no category of that name; an
-- admin who removed or renamed a system is not overridden.
INSERT INTO "data_category" ("id", "system_id", "name", "purposes", "legal_basis", "recipients", "retention", "source", "position")
SELECT gen_random_uuid(), s."id", c."name", c."purposes", c."legal_basis", c."recipients", c."retention", c."source",
       (SELECT count(*) FROM "data_category" x WHERE x."system_id" = s."id")
FROM (VALUES
  ('support', 'Survey responses',
   ARRAY['Understand feedback and improve the service'],
   'Consent (Art. 6(1)(a) GDPR) or legitimate interest in improving the service (Art. 6(1)(f))',
   ARRAY['Communication and help-desk providers'],
   'As long as needed for the purposes above (the criteria of our privacy policy)',
   'You, when you answer a survey'),
  ('customer-content', 'Data received from connected services',
   ARRAY['Operate the integrations you set up (sign-in, infrastructure, model, storage, payment, observability)'],
   'Performance of a contract (Art. 6(1)(b) GDPR)',
   ARRAY['Infrastructure and hosting providers', 'The connected service itself, under its own privacy policy'],
   'As long as needed for the purposes above (the criteria of our privacy policy)',
   'The identity providers and third-party services you connect')
) AS c("system_key", "name", "purposes", "legal_basis", "recipients", "retention", "source")
JOIN "data_system" s ON s."key" = c."system_key"
WHERE NOT EXISTS (SELECT 1 FROM "data_category" d WHERE d."system_id" = s."id" AND d."name" = c."name");

-- The portal's own request records, as a system with no tasks, in an inventory that already exists.
INSERT INTO "data_system" ("id", "key", "name", "description", "kind", "task_types", "checklist", "updated_at")
SELECT gen_random_uuid(), 'privacy-requests', 'Privacy request portal',
       'Records of the privacy requests you make through this portal and our responses.',
       'manual', ARRAY[]::"TaskType"[], ARRAY[]::TEXT[], CURRENT_TIMESTAMP
WHERE EXISTS (SELECT 1 FROM "data_system")
  AND NOT EXISTS (SELECT 1 FROM "data_system" WHERE "key" = 'privacy-requests');

INSERT INTO "data_category" ("id", "system_id", "name", "purposes", "legal_basis", "recipients", "retention", "source", "position")
SELECT gen_random_uuid(), s."id", 'Privacy request records',
       ARRAY['Handle your privacy requests and show that we answered them as the law requires'],
       'Legal obligation (Art. 6(1)(c) GDPR; CCPA regulations §7101)',
       ARRAY['Infrastructure and hosting providers'],
       'At least 24 months after the request closes, then anonymised (CCPA regulations §7101(a))',
       'You, when you make a request; our staff, when they handle it',
       0
FROM "data_system" s
WHERE s."key" = 'privacy-requests'
  AND NOT EXISTS (SELECT 1 FROM "data_category" d WHERE d."system_id" = s."id" AND d."name" = 'Privacy request records');
