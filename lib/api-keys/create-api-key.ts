import type { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db, type Tx } from '../db';
import { AppError } from '../errors';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { can } from '../permissions/staff-permissions';
import { insertApiKey } from './new-api-key';
import { scopePermission } from './scopes';
import { createApiKeySchema } from './schemas';

/**
 * The staff member a key with staff scopes acts as: active, and whose role holds every scope's
 * permission (a key never lets anyone do more than the workspace lets them). Null without staff scopes.
 */
async function actingStaff(tx: Tx, scopes: string[], actsAsId: string) {
  const permissions = scopes.map(scopePermission).filter((p) => p !== null);
  if (permissions.length === 0) return null;
  const member = await tx.user.findFirst({ where: { id: actsAsId, deactivatedAt: null } });
  if (!member)
    throw new AppError('INVALID_INPUT', 'Choose an active staff member for the key to act as.', {
      fields: { actsAsId: ['Choose an active staff member'] },
    });
  const beyond = scopes.filter((s) => {
    const permission = scopePermission(s);
    return permission !== null && !can(member.role, permission);
  });
  if (beyond.length > 0)
    throw new AppError(
      'INVALID_INPUT',
      `${member.email} (${member.role}) cannot do what ${beyond.join(', ')} allows.`,
      {
        fields: { scopes: [`Beyond the ${member.role} role: ${beyond.join(', ')}`] },
      },
    );
  return member;
}

/**
 * An admin creates a server API key. The key itself is in the result only: shown once, never stored
 * (its SHA-256 is), never audited (its prefix is). A key with staff scopes acts as a staff member
 * (the admin, unless another is named) and may hold only scopes that member's role allows.
 */
export async function createApiKey(options: {
  staff: StaffIdentity | null;
  input: z.input<typeof createApiKeySchema>;
}) {
  const admin = authorize(options.staff, 'api-keys.manage');
  const input = createApiKeySchema.parse(options.input);
  return db().$transaction(async (tx) => {
    const actsAs = await actingStaff(tx, input.scopes, input.actsAsId ?? admin.id);
    const { row: created, key } = await insertApiKey(tx, {
      name: input.name,
      scopes: input.scopes,
      createdById: admin.id,
      actsAsId: actsAs?.id ?? null,
    });
    await recordAuditEvent(tx, {
      action: 'api-key.created',
      actor: { type: 'staff', id: admin.id },
      data: {
        keyId: created.id,
        prefix: created.prefix,
        name: created.name,
        scopes: created.scopes,
        actsAs: created.actsAsId,
      },
    });
    return { ...created, key };
  });
}
