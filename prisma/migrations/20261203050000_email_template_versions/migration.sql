-- AlterTable
ALTER TABLE "outbox_email" ADD COLUMN     "template_version" INTEGER;

-- CreateTable
CREATE TABLE "email_template_version" (
    "id" UUID NOT NULL,
    "template" VARCHAR(64) NOT NULL,
    "locale" VARCHAR(16) NOT NULL,
    "version" INTEGER NOT NULL,
    "messages" JSONB NOT NULL,
    "reverted_from" INTEGER,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_template_version_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "email_template_version_template_locale_version_key" ON "email_template_version"("template", "locale", "version");
