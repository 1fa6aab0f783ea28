-- AlterTable
ALTER TABLE "privacy_request" ADD COLUMN     "completed_types" "RequestType"[] DEFAULT ARRAY[]::"RequestType"[];
