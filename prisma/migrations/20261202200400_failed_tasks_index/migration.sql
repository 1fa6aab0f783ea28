-- The metrics endpoint counts failed connector tasks per system on every scrape: a partial index on
-- the failed rows (a handful among millions of tasks) answers that without reading the table.
CREATE INDEX "fulfilment_task_failed_idx" ON "fulfilment_task"("system_id") WHERE "status" = 'failed';
