import { recordAuditEvent } from '../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db } from '../db';
import { AppError } from '../errors';
import { sealConnectionUrl } from './connection-url';
import { openConnectorSecret, sealConnectorSecret } from './connector-secret';
import { systemSchema, type SystemInput } from './schemas';

/**
 * Creates or updates a system. On update an empty connection URL or webhook secret keeps the stored
 * one (the form never receives them back). Both are stored sealed (connection-url.ts, connector-secret.ts).
 */
export async function saveSystem(options: { staff: StaffIdentity; input: SystemInput }) {
  const staff = authorize(options.staff, 'inventory.manage');
  const parsed = systemSchema.parse(options.input);
  const { id, ...data } = parsed;
  return db().$transaction(async (tx) => {
    const existing = id ? await tx.dataSystem.findUnique({ where: { id } }) : null;
    if (id && !existing) throw new AppError('NOT_FOUND', 'No system with that id.');
    const connectionUrl = data.connectionUrl
      ? sealConnectionUrl(data.connectionUrl)
      : (existing?.connectionUrl ?? null);
    const storedSecret = existing?.webhookSecret ?? null;
    if (data.kind === 'postgres' && !connectionUrl)
      throw new AppError('INVALID_INPUT', 'A PostgreSQL connector needs the database URL.', {
        fields: { connectionUrl: ['Give the database URL'] },
      });
    if (data.kind === 'webhook' && !data.webhookUrl)
      throw new AppError('INVALID_INPUT', 'A webhook connector needs its URL.', {
        fields: { webhookUrl: ['Give the webhook URL'] },
      });
    const secretLength = () =>
      data.webhookSecret?.length ?? (storedSecret ? openConnectorSecret(storedSecret).length : 0);
    if (data.kind === 'webhook' && secretLength() < 32)
      throw new AppError('INVALID_INPUT', 'A webhook connector needs a shared secret of at least 32 characters.', {
        fields: { webhookSecret: ['At least 32 characters'] },
      });
    // A transfer names where it goes; the package cannot name the safeguard of a transfer to nowhere.
    if (data.transferSafeguard && data.transferSafeguard !== 'no_transfer' && !data.transferCountry)
      throw new AppError('INVALID_INPUT', 'Name the country the data is transferred to.', {
        fields: { transferCountry: ['Give the destination country'] },
      });
    if (data.ownerId && !(await tx.user.findFirst({ where: { id: data.ownerId, deactivatedAt: null } }))) {
      throw new AppError('INVALID_INPUT', 'The owner must be an active staff member.', {
        fields: { ownerId: ['Choose an active staff member'] },
      });
    }
    const clash = await tx.dataSystem.findUnique({ where: { key: data.key } });
    if (clash && clash.id !== id)
      throw new AppError('INVALID_INPUT', 'Another system already uses that key.', {
        fields: { key: ['Choose another key'] },
      });
    const webhookSecret = data.webhookSecret ? sealConnectorSecret(data.webhookSecret) : storedSecret;
    const values = { ...data, connectionUrl, webhookSecret };
    const system = existing
      ? await tx.dataSystem.update({ where: { id: existing.id }, data: values })
      : await tx.dataSystem.create({ data: values });
    await recordAuditEvent(tx, {
      action: existing ? 'inventory.system_updated' : 'inventory.system_created',
      actor: { type: 'staff', id: staff.id },
      // Which connector settings changed, never their values (URLs can carry credentials).
      data: {
        systemId: system.id,
        key: system.key,
        kind: system.kind,
        allowPrivateNetwork: system.allowPrivateNetwork,
        transferSafeguard: system.transferSafeguard,
        transferCountry: system.transferCountry,
        connectorChanged: Boolean(data.connectionUrl || data.webhookSecret || existing?.webhookUrl !== data.webhookUrl),
      },
    });
    return system;
  });
}
