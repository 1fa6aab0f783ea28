-- DropIndex
DROP INDEX "privacy_request_email_hash_idx";
