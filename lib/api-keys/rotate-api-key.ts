import type { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { AppError } from '../errors';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { insertApiKey } from './new-api-key';
import { apiKeyIdSchema } from './schemas';

/**
 * An admin rotates a key: a new key with the same name and scopes, naming the old one
 * (`rotated_from`), and the old one revoked, in one transaction. The old key stops working at once;
 * for a change-over without a gap, create a second key, deploy it, then revoke the first.
 */
export async function rotateApiKey(options: { staff: StaffIdentity | null; input: z.input<typeof apiKeyIdSchema> }) {
  const admin = authorize(options.staff, 'api-keys.manage');
  const { keyId } = apiKeyIdSchema.parse(options.input);
  const now = new Date();
  return db().$transaction(async (tx) => {
    // Only a live key rotates, once: the guarded update is the lock against two admins at once.
    const revoked = await tx.apiKey.updateMany({ where: { id: keyId, revokedAt: null }, data: { revokedAt: now } });
    if (revoked.count === 0) throw new AppError('CONFLICT', 'This key is revoked already, or does not exist.');
    const old = await tx.apiKey.findUniqueOrThrow({ where: { id: keyId }, omit: { secretHash: true } });
    const { row: created, key } = await insertApiKey(tx, {
      name: old.name,
      scopes: old.scopes,
      actsAsId: old.actsAsId,
      createdById: admin.id,
      rotatedFromId: old.id,
    });
    await recordAuditEvent(tx, {
      action: 'api-key.rotated',
      actor: { type: 'staff', id: admin.id },
      data: { keyId: created.id, prefix: created.prefix, rotatedFrom: old.id, rotatedFromPrefix: old.prefix },
    });
    return { ...created, key };
  });
}
