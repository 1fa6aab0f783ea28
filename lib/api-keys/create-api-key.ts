import type { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { insertApiKey } from './new-api-key';
import { createApiKeySchema } from './schemas';

/**
 * An admin creates a server API key. The key itself is in the result only: shown once, never stored
 * (its SHA-256 is), never audited (its prefix is).
 */
export async function createApiKey(options: {
  staff: StaffIdentity | null;
  input: z.input<typeof createApiKeySchema>;
}) {
  const admin = authorize(options.staff, 'api-keys.manage');
  const input = createApiKeySchema.parse(options.input);
  return db().$transaction(async (tx) => {
    const { row: created, key } = await insertApiKey(tx, {
      name: input.name,
      scopes: input.scopes,
      createdById: admin.id,
    });
    await recordAuditEvent(tx, {
      action: 'api-key.created',
      actor: { type: 'staff', id: admin.id },
      data: { keyId: created.id, prefix: created.prefix, name: created.name, scopes: created.scopes },
    });
    return { ...created, key };
  });
}
