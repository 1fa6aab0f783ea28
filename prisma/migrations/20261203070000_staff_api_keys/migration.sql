-- AlterTable
ALTER TABLE "api_keys" ADD COLUMN     "acts_as" TEXT;

-- CreateIndex
CREATE INDEX "api_keys_acts_as_idx" ON "api_keys"("acts_as");

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_acts_as_fkey" FOREIGN KEY ("acts_as") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
