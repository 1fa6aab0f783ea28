import { z } from 'zod';
import { WEBHOOK_EVENT_TYPE_NAMES } from './event-types';

/**
 * A webhook URL: http(s), no credentials in it, no fragment. Whether its host may be reached is
 * decided when delivering (lib/webhooks/deliver-webhook.ts), where the address is resolved.
 */
const webhookUrl = z
  .string({ error: 'Enter the URL' })
  .trim()
  .min(1, 'Enter the URL')
  .max(2000, 'At most 2000 characters')
  .refine((v) => URL.canParse(v), 'Enter a full URL, e.g. https://hooks.example.com/privacy')
  .refine((v) => !URL.canParse(v) || /^https?:$/.test(new URL(v).protocol), 'Use an https:// (or http://) URL')
  .refine(
    (v) => !URL.canParse(v) || (!new URL(v).username && !new URL(v).password),
    'Leave credentials out of the URL: the signature authenticates the portal',
  );

/** Repeated form fields give an array; one gives a string. */
const eventList = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.enum(WEBHOOK_EVENT_TYPE_NAMES, { error: 'Unknown event' }))
    .min(1, 'Choose at least one event')
    .transform((list) => [...new Set(list)]),
);

export const createWebhookEndpointSchema = z.object({
  name: z
    .string({ error: 'Name the endpoint' })
    .trim()
    .min(1, 'Name the endpoint, e.g. "Ticketing"')
    .max(100, 'At most 100 characters'),
  url: webhookUrl,
  events: eventList,
});

export const webhookEndpointIdSchema = z.object({ endpointId: z.uuid('Unknown endpoint') });

export const updateWebhookEventsSchema = webhookEndpointIdSchema.extend({ events: eventList });
