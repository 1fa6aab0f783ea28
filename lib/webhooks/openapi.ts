/**
 * The OpenAPI 3.1 `webhooks` of the portal's document (lib/requests/openapi.ts): one entry per event
 * type, each the same signed POST of a `WebhookEvent` (lib/webhooks/webhook-payload.ts builds it;
 * tests/integration/webhooks.test.ts checks delivered bodies against this schema).
 */
import { TEST_EVENT_TYPE, WEBHOOK_EVENT_TYPES } from './event-types';

const exact = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: 'object',
  required,
  additionalProperties: false,
  properties,
});

const header = (name: string, description: string, schema: Record<string, unknown>) => ({
  name,
  in: 'header',
  required: true,
  description,
  schema,
});

const SIGNED_POST_DESCRIPTION =
  'POSTed to every enabled endpoint an admin subscribed to this event under /admin/webhooks, signed as Standard Webhooks (https://www.standardwebhooks.com/) specifies: `webhook-signature` is `v1,` and the base64 HMAC-SHA256, under the endpoint\'s secret (`whsec_` + base64 of the key), of `"<webhook-id>.<webhook-timestamp>.<raw body>"`. Verify it on the raw body, refuse a timestamp more than five minutes off, and deduplicate on `webhook-id` (the event `id`): a retry carries the same id and body with a fresh timestamp and signature. Any 2xx answer delivers the event; anything else, no answer within WEBHOOK_TIMEOUT_SECONDS or a refused connection is retried with exponential backoff (about 12 attempts over 16 hours). No personal data is sent: look the request up by its id or reference.';

export const webhookEventSchema = exact({
  id: { type: 'string', format: 'uuid', description: 'The event id, also in `webhook-id`: the same on every retry.' },
  type: { enum: [...WEBHOOK_EVENT_TYPES.map((e) => e.type), TEST_EVENT_TYPE] },
  timestamp: { type: 'string', format: 'date-time', description: 'When the event happened (its transaction).' },
  data: exact(
    {
      request: exact({
        id: { type: 'string', format: 'uuid' },
        reference: { type: 'string', pattern: '^BR-\\d{4}-\\d{6}$', examples: ['BR-2026-000123'] },
        types: {
          type: 'array',
          items: { type: 'string' },
          description: 'The rights requested (`access`, `deletion`, …).',
        },
        regime: { type: 'string', description: 'The jurisdiction code whose law applies (`UK`, `US-CA`, …).' },
        status: { type: ['string', 'null'], description: "The request's status when the event was committed." },
        dueAt: {
          type: ['string', 'null'],
          format: 'date-time',
          description: 'Its due date then (after any pause or extension).',
        },
      }),
      partial: { const: true, description: '`request.denied` only: the denial was partial.' },
      task: exact({
        id: { type: ['string', 'null'], format: 'uuid' },
        type: { type: ['string', 'null'], description: 'The fulfilment task type (`erase`, `collect`, …).' },
      }),
    },
    [],
  ),
});

export function webhooksOpenApi() {
  const events = [...WEBHOOK_EVENT_TYPES, { type: TEST_EVENT_TYPE, label: 'An admin pressed "Send test event"' }];
  return Object.fromEntries(
    events.map(({ type, label }) => [
      type,
      {
        post: {
          operationId: `webhook_${type.replace(/\W/g, '_')}`,
          summary: label,
          description: SIGNED_POST_DESCRIPTION,
          parameters: [
            header('webhook-id', 'The event id (deduplicate on it).', { type: 'string', format: 'uuid' }),
            header('webhook-timestamp', 'Unix seconds when this attempt was signed.', {
              type: 'string',
              pattern: '^\\d+$',
            }),
            header('webhook-signature', 'Space-separated `v1,<base64>` signatures.', {
              type: 'string',
              pattern: '^v1,[A-Za-z0-9+/=]+( v1,[A-Za-z0-9+/=]+)*$',
            }),
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/WebhookEvent' } } },
          },
          responses: {
            '2XX': {
              description: 'Received: the delivery is over. The answer (its first 1 KiB) shows in the delivery log.',
            },
            default: { description: 'Not received: the event is sent again later.' },
          },
        },
      },
    ]),
  );
}
