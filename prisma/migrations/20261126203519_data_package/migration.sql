-- CreateEnum
CREATE TYPE "PackageStatus" AS ENUM ('building', 'ready', 'failed', 'deleted');

-- CreateTable
CREATE TABLE "data_package" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "status" "PackageStatus" NOT NULL DEFAULT 'building',
    "storage_key" VARCHAR(500),
    "size" BIGINT,
    "last_error" VARCHAR(2000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "built_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "data_package_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "download_grant" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "download_grant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "data_package_request_id_key" ON "data_package"("request_id");

-- CreateIndex
CREATE UNIQUE INDEX "download_grant_token_hash_key" ON "download_grant"("token_hash");

-- CreateIndex
CREATE INDEX "download_grant_request_id_idx" ON "download_grant"("request_id");

-- AddForeignKey
ALTER TABLE "data_package" ADD CONSTRAINT "data_package_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "privacy_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "download_grant" ADD CONSTRAINT "download_grant_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "privacy_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;
