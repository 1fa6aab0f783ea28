-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RequestType" ADD VALUE 'unsubscribe';
ALTER TYPE "RequestType" ADD VALUE 'opt_out_sale';
ALTER TYPE "RequestType" ADD VALUE 'limit_sensitive';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TaskType" ADD VALUE 'stop_processing';
ALTER TYPE "TaskType" ADD VALUE 'stop_sale';
ALTER TYPE "TaskType" ADD VALUE 'limit_use';
