import type { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { AppError } from '../errors';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { apiKeyIdSchema } from './schemas';

/** An admin revokes a key: it is refused from the next call on. The row stays, for the audit trail. */
export async function revokeApiKey(options: { staff: StaffIdentity | null; input: z.input<typeof apiKeyIdSchema> }) {
  const admin = authorize(options.staff, 'api-keys.manage');
  const { keyId } = apiKeyIdSchema.parse(options.input);
  await db().$transaction(async (tx) => {
    const revoked = await tx.apiKey.updateMany({
      where: { id: keyId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count === 0) throw new AppError('CONFLICT', 'This key is revoked already, or does not exist.');
    const key = await tx.apiKey.findUniqueOrThrow({ where: { id: keyId }, select: { prefix: true } });
    await recordAuditEvent(tx, {
      action: 'api-key.revoked',
      actor: { type: 'staff', id: admin.id },
      data: { keyId, prefix: key.prefix },
    });
  });
}
