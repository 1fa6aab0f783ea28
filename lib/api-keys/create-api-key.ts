import type { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { newApiKey } from './new-api-key';
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
  const fresh = newApiKey();
  const row = await db().$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        name: input.name,
        prefix: fresh.prefix,
        secretHash: fresh.secretHash,
        scopes: input.scopes,
        createdById: admin.id,
      },
      omit: { secretHash: true },
    });
    await recordAuditEvent(tx, {
      action: 'api-key.created',
      actor: { type: 'staff', id: admin.id },
      data: { keyId: created.id, prefix: created.prefix, name: created.name, scopes: created.scopes },
    });
    return created;
  });
  return { ...row, key: fresh.key };
}
