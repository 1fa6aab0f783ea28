'use server';

/**
 * The staff actions on server API keys: create (the key is in the result, shown once), rotate and
 * revoke. Each is a `staffAction`; the domain functions check `api-keys.manage` again themselves.
 */
import { revalidatePath } from 'next/cache';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';
import { rotateApiKey } from '@/lib/api-keys/rotate-api-key';
import { apiKeyIdSchema, createApiKeySchema } from '@/lib/api-keys/schemas';
import { staffAction } from '@/lib/auth/staff-action';

export const createApiKeyAction = staffAction(
  'api-keys.manage',
  createApiKeySchema,
  async ({ staff, input }) => {
    const created = await createApiKey({ staff, input });
    revalidatePath('/admin/api-keys');
    return { key: created.key, prefix: created.prefix };
  },
  () => 'Key created. Copy it now: it is not shown again.',
);

export const rotateApiKeyAction = staffAction(
  'api-keys.manage',
  apiKeyIdSchema,
  async ({ staff, input }) => {
    const created = await rotateApiKey({ staff, input });
    revalidatePath('/admin/api-keys');
    return { key: created.key, prefix: created.prefix };
  },
  () => 'Key rotated: the old key no longer works. Copy the new one now: it is not shown again.',
);

export const revokeApiKeyAction = staffAction(
  'api-keys.manage',
  apiKeyIdSchema,
  async ({ staff, input }) => {
    await revokeApiKey({ staff, input });
    revalidatePath('/admin/api-keys');
  },
  () => 'Key revoked: it no longer works.',
);
