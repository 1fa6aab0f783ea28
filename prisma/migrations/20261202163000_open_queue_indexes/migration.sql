-- The staff queue reads open requests only, due first. Partial indexes on the open rows (about a
-- tenth of the table) give each daily filter an index already in due order, so PostgreSQL never
-- sorts the open requests of a regime or an assignee (issue #15: the regime filter had come to use
-- privacy_request_open_metrics_idx and sort 14,000 rows at 1,000,000 requests).
CREATE INDEX "privacy_request_open_due_idx" ON "privacy_request"("due_at", "id") WHERE "closed_at" IS NULL;
CREATE INDEX "privacy_request_open_jurisdiction_due_idx" ON "privacy_request"("jurisdiction", "due_at", "id") WHERE "closed_at" IS NULL;
CREATE INDEX "privacy_request_open_assignee_due_idx" ON "privacy_request"("assignee_id", "due_at", "id") WHERE "closed_at" IS NULL;
