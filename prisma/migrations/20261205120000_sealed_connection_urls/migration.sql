-- PostgreSQL connectors' database URLs are stored sealed (lib/fulfilment/connection-url.ts): a
-- 1000-character URL seals to at most 4058 characters (3 bytes a character in UTF-8). Plain values
-- already stored keep working until the re-key job (`npm run keys:rekey`, lib/keys/rekey-steps.ts)
-- seals them: SQL holds no key to seal with.
-- AlterTable
ALTER TABLE "data_system" ALTER COLUMN "connection_url" SET DATA TYPE VARCHAR(4096);
