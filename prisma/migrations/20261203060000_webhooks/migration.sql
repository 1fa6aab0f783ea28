-- Outbound webhooks (lib/webhooks/, docs/decisions/020): endpoints admins configure, the events of
-- requests, and each event's delivery to each endpoint.
-- CreateTable
CREATE TABLE "webhook_endpoint" (
    "id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "url" VARCHAR(2000) NOT NULL,
    "secret_sealed" VARCHAR(400) NOT NULL,
    "events" TEXT[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "disabled_at" TIMESTAMPTZ(3),
    "disabled_reason" VARCHAR(16),
    "last_attempt_at" TIMESTAMPTZ(3),
    "last_status_code" INTEGER,
    "last_duration_ms" INTEGER,
    "last_response" VARCHAR(1024),
    "last_error" VARCHAR(500),
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "webhook_endpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_event" (
    "id" UUID NOT NULL,
    "type" VARCHAR(40) NOT NULL,
    "request_id" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_delivery" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "endpoint_id" UUID NOT NULL,
    "status" VARCHAR(16) NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_attempt_at" TIMESTAMPTZ(3),
    "last_status_code" INTEGER,
    "last_duration_ms" INTEGER,
    "last_response" VARCHAR(1024),
    "last_error" VARCHAR(500),
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "webhook_event_request_id_idx" ON "webhook_event"("request_id");

-- CreateIndex
CREATE INDEX "webhook_delivery_endpoint_id_created_at_idx" ON "webhook_delivery"("endpoint_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_delivery_event_id_endpoint_id_key" ON "webhook_delivery"("event_id", "endpoint_id");

-- AddForeignKey
ALTER TABLE "webhook_endpoint" ADD CONSTRAINT "webhook_endpoint_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_event" ADD CONSTRAINT "webhook_event_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "privacy_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "webhook_event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The webhook event type of an audit action, or NULL (lib/webhooks/event-types.ts lists the same
-- pairs; tests/integration/webhooks.test.ts holds the two together).
CREATE FUNCTION webhook_event_type(action text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE action
    WHEN 'request.submitted' THEN 'request.created'
    WHEN 'request.verified' THEN 'request.verified'
    WHEN 'request.assigned' THEN 'request.assigned'
    WHEN 'clock.paused' THEN 'request.paused'
    WHEN 'deadline.extended' THEN 'request.extended'
    WHEN 'request.completed' THEN 'request.completed'
    WHEN 'request.denied' THEN 'request.denied'
    WHEN 'request.partially_denied' THEN 'request.denied'
    WHEN 'appeal.received' THEN 'request.appealed'
    WHEN 'task.failed' THEN 'task.failed'
  END
$$;

-- Writes one event and a delivery per enabled endpoint subscribed to its type (or only `only_endpoint`,
-- for a test event), each with its `deliver-webhook` job (max_attempts as in lib/queue/jobs.ts), in the
-- caller's transaction. Nothing is written when no endpoint wants the event. The request's status and
-- due date are taken as they are now (at commit, from the deferred trigger below).
CREATE FUNCTION webhook_emit(event_type text, request uuid, extra jsonb DEFAULT '{}', only_endpoint uuid DEFAULT NULL)
RETURNS uuid LANGUAGE plpgsql AS $$
DECLARE
  new_event uuid;
  delivery record;
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM webhook_endpoint e
    WHERE e.enabled AND (CASE WHEN only_endpoint IS NULL THEN event_type = ANY (e.events) ELSE e.id = only_endpoint END)
  ) THEN
    RETURN NULL;
  END IF;
  INSERT INTO webhook_event (id, type, request_id, data)
  VALUES (
    gen_random_uuid(), event_type, request,
    jsonb_strip_nulls(COALESCE(extra, '{}') || COALESCE((
      SELECT jsonb_build_object('status', r.status::text,
        'dueAt', to_char(r.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
      FROM privacy_request r WHERE r.id = request), '{}'))
  )
  RETURNING id INTO new_event;
  FOR delivery IN
    INSERT INTO webhook_delivery (id, event_id, endpoint_id)
    SELECT gen_random_uuid(), new_event, e.id FROM webhook_endpoint e
    WHERE e.enabled AND (CASE WHEN only_endpoint IS NULL THEN event_type = ANY (e.events) ELSE e.id = only_endpoint END)
    RETURNING id
  LOOP
    PERFORM graphile_worker.add_job('deliver-webhook', json_build_object('deliveryId', delivery.id), max_attempts => 12);
  END LOOP;
  RETURN new_event;
END
$$;

-- Every audited change of a request that is a webhook event emits it, wherever in the code it was made
-- (raw SQL included). Deferred to the commit, so the event carries the request's final status.
CREATE FUNCTION audit_event_webhook() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  event_type text := webhook_event_type(NEW.action);
BEGIN
  IF event_type IS NOT NULL AND NEW.request_id IS NOT NULL THEN
    PERFORM webhook_emit(event_type, NEW.request_id, CASE
      WHEN NEW.action = 'task.failed' THEN jsonb_build_object('task', jsonb_build_object('id', NEW.data->>'taskId', 'type', NEW.data->>'type'))
      WHEN NEW.action = 'request.partially_denied' THEN jsonb_build_object('partial', true)
      ELSE '{}'::jsonb END);
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER audit_event_webhook AFTER INSERT ON audit_event
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_event_webhook();
