-- AlterTable
ALTER TABLE "privacy_request" ADD COLUMN     "locale" VARCHAR(16) NOT NULL DEFAULT 'en';
