/**
 * The events a webhook endpoint can receive: one row each, with where it comes from. Events from an
 * audit action are emitted by the `audit_event_webhook` trigger (migration 20261203060000, whose
 * `webhook_event_type()` lists the same pairs) in the transaction of the change; the deadline events
 * by the `deadline-reminder` job (lib/clock/notify-deadline.ts) through `webhook_emit()`.
 */
export const WEBHOOK_EVENT_TYPES = [
  {
    type: 'request.created',
    label: 'A request was filed (web form, API or agent)',
    auditActions: ['request.submitted'],
  },
  { type: 'request.verified', label: "The requester's email was confirmed", auditActions: ['request.verified'] },
  { type: 'request.assigned', label: 'Someone (or a rule) assigned the request', auditActions: ['request.assigned'] },
  {
    type: 'request.due_soon',
    label: 'The due date is near (REMINDER_OFFSETS_DAYS before it)',
    auditActions: [],
  },
  { type: 'request.overdue', label: 'The due date passed (again every day while open)', auditActions: [] },
  { type: 'request.paused', label: 'The clock was paused for the requester', auditActions: ['clock.paused'] },
  { type: 'request.extended', label: 'The deadline was extended', auditActions: ['deadline.extended'] },
  { type: 'request.completed', label: 'The request was completed', auditActions: ['request.completed'] },
  {
    type: 'request.denied',
    label: 'The request was denied, wholly or in part',
    auditActions: ['request.denied', 'request.partially_denied'],
  },
  { type: 'request.appealed', label: 'The requester appealed the decision', auditActions: ['appeal.received'] },
  { type: 'task.failed', label: "A fulfilment task's connector failed", auditActions: ['task.failed'] },
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]['type'];

export const WEBHOOK_EVENT_TYPE_NAMES = WEBHOOK_EVENT_TYPES.map((e) => e.type) as [
  WebhookEventType,
  ...WebhookEventType[],
];

/** The event a "Send test event" button sends; never subscribed to, sent to one endpoint only. */
export const TEST_EVENT_TYPE = 'webhook.test';
