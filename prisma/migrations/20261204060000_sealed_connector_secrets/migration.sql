-- Webhook connectors' secrets are stored sealed (lib/fulfilment/connector-secret.ts): a 200-character
-- secret seals to 324 characters. Plain values already stored keep working until the re-key job
-- (`npm run keys:rekey`, lib/keys/rekey-steps.ts) seals them: SQL holds no key to seal with.
-- AlterTable
ALTER TABLE "data_system" ALTER COLUMN "webhook_secret" SET DATA TYPE VARCHAR(400);
