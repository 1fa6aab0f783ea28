-- A webhook connector's shared secret is stored sealed (lib/fulfilment/connector-secret.ts): the
-- form takes up to 200 characters, which seal to at most 858 (3 bytes a character in UTF-8, a
-- 28-byte nonce and tag, base64url, the `v2.<key id>.` prefix). 400 held only ASCII secrets.
-- AlterTable
ALTER TABLE "data_system" ALTER COLUMN "webhook_secret" SET DATA TYPE VARCHAR(1024);
