-- AlterTable
ALTER TABLE "request_appeal" ADD COLUMN     "extended_at" TIMESTAMPTZ(3),
ADD COLUMN     "extension_reason" VARCHAR(2000);
