-- Request tags (lib/requests/staff/add-request-tag.ts) and the assignment rules' tag condition.
-- AlterTable
ALTER TABLE "assignment_rule" ADD COLUMN     "tags" VARCHAR(40)[] DEFAULT ARRAY[]::VARCHAR(40)[];
-- CreateTable
CREATE TABLE "request_tag" (
    "request_id" UUID NOT NULL,
    "tag" VARCHAR(40) NOT NULL,
    "added_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "request_tag_pkey" PRIMARY KEY ("request_id","tag")
);
-- A lowercase slug: letters, digits, single hyphens between them (lib/requests/staff/schemas.ts).
ALTER TABLE "request_tag" ADD CONSTRAINT "request_tag_format" CHECK ("tag" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
-- CreateIndex
CREATE INDEX "request_tag_tag_idx" ON "request_tag"("tag");
-- AddForeignKey
ALTER TABLE "request_tag" ADD CONSTRAINT "request_tag_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "privacy_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- AddForeignKey
ALTER TABLE "request_tag" ADD CONSTRAINT "request_tag_added_by_id_fkey" FOREIGN KEY ("added_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
