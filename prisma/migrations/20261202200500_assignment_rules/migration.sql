-- Assignment rules (lib/assignment): routing as data, with a round-robin turn counter per rule
-- (docs/decisions/015), the rule that assigned a request, and staff leave.
-- CreateEnum
CREATE TYPE "AssignmentAction" AS ENUM ('person', 'round_robin');
-- AlterTable
ALTER TABLE "privacy_request" ADD COLUMN     "assigned_by_rule_id" TEXT;
-- AlterTable
ALTER TABLE "staff_user" ADD COLUMN     "away_until" TIMESTAMPTZ(3);
-- CreateTable
CREATE TABLE "assignment_rule" (
    "id" TEXT NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "position" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "request_types" "RequestType"[] DEFAULT ARRAY[]::"RequestType"[],
    "jurisdictions" VARCHAR(16)[] DEFAULT ARRAY[]::VARCHAR(16)[],
    "channels" VARCHAR(32)[] DEFAULT ARRAY[]::VARCHAR(32)[],
    "locales" VARCHAR(35)[] DEFAULT ARRAY[]::VARCHAR(35)[],
    "action" "AssignmentAction" NOT NULL,
    "open_limit" INTEGER,
    "skip_on_leave" BOOLEAN NOT NULL DEFAULT true,
    "turns" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "assignment_rule_pkey" PRIMARY KEY ("id")
);
-- CreateTable
CREATE TABLE "assignment_rule_member" (
    "rule_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "assignment_rule_member_pkey" PRIMARY KEY ("rule_id","user_id")
);
-- CreateIndex
CREATE INDEX "assignment_rule_position_idx" ON "assignment_rule"("position");
-- CreateIndex
CREATE INDEX "assignment_rule_member_user_id_idx" ON "assignment_rule_member"("user_id");
-- AddForeignKey
ALTER TABLE "privacy_request" ADD CONSTRAINT "privacy_request_assigned_by_rule_id_fkey" FOREIGN KEY ("assigned_by_rule_id") REFERENCES "assignment_rule"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- AddForeignKey
ALTER TABLE "assignment_rule_member" ADD CONSTRAINT "assignment_rule_member_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "assignment_rule"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- AddForeignKey
ALTER TABLE "assignment_rule_member" ADD CONSTRAINT "assignment_rule_member_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
