'use server';

/**
 * The staff actions on webhook endpoints: add (the signing secret is in the result, shown once),
 * enable, disable, delete, change events, re-key and send a test event. Each is a `staffAction`; the
 * domain functions check `webhooks.manage` again themselves.
 */
import { revalidatePath } from 'next/cache';
import { staffAction } from '@/lib/auth/staff-action';
import { changeWebhookEndpoint } from '@/lib/webhooks/change-webhook-endpoint';
import { createWebhookEndpoint } from '@/lib/webhooks/create-webhook-endpoint';
import { rotateWebhookSecret } from '@/lib/webhooks/rotate-webhook-secret';
import {
  createWebhookEndpointSchema,
  updateWebhookEventsSchema,
  webhookEndpointIdSchema,
} from '@/lib/webhooks/schemas';
import { sendTestWebhook } from '@/lib/webhooks/send-test-webhook';
import { updateWebhookEvents } from '@/lib/webhooks/update-webhook-events';

const refresh = () => revalidatePath('/admin/webhooks');

export const createWebhookEndpointAction = staffAction(
  'webhooks.manage',
  createWebhookEndpointSchema,
  async ({ staff, input }) => {
    const created = await createWebhookEndpoint({ staff, input });
    refresh();
    return { secret: created.secret, name: created.name };
  },
  (created) => `Endpoint “${created.name}” added. Copy its signing secret now: it is not shown again.`,
);

export const enableWebhookEndpointAction = staffAction(
  'webhooks.manage',
  webhookEndpointIdSchema,
  async ({ staff, input }) => {
    await changeWebhookEndpoint({ staff, change: 'enable', input });
    refresh();
  },
  () => 'Endpoint enabled: new events are sent to it.',
);

export const disableWebhookEndpointAction = staffAction(
  'webhooks.manage',
  webhookEndpointIdSchema,
  async ({ staff, input }) => {
    await changeWebhookEndpoint({ staff, change: 'disable', input });
    refresh();
  },
  () => 'Endpoint disabled: nothing is sent to it until it is enabled again.',
);

export const deleteWebhookEndpointAction = staffAction(
  'webhooks.manage',
  webhookEndpointIdSchema,
  async ({ staff, input }) => {
    await changeWebhookEndpoint({ staff, change: 'delete', input });
    refresh();
  },
  () => 'Endpoint deleted, with its delivery log.',
);

export const updateWebhookEventsAction = staffAction(
  'webhooks.manage',
  updateWebhookEventsSchema,
  async ({ staff, input }) => {
    await updateWebhookEvents({ staff, input });
    refresh();
  },
  () => 'Events saved: they apply from the next event on.',
);

export const rotateWebhookSecretAction = staffAction(
  'webhooks.manage',
  webhookEndpointIdSchema,
  async ({ staff, input }) => {
    const rotated = await rotateWebhookSecret({ staff, input });
    refresh();
    return rotated;
  },
  () => 'New signing secret made: deliveries are signed with it from now on. Copy it now: it is not shown again.',
);

export const sendTestWebhookAction = staffAction(
  'webhooks.manage',
  webhookEndpointIdSchema,
  async ({ staff, input }) => {
    const sent = await sendTestWebhook({ staff, input });
    refresh();
    return sent;
  },
  () => 'Test event queued: reload to see its delivery below.',
);
