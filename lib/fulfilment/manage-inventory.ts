/**
 * The data inventory as admins edit it: systems with their connector, and the categories each holds.
 * Connector secrets never leave the server: the page sees whether one is set, not its value.
 */
import { recordAuditEvent } from '../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db } from '../db';
import { AppError } from '../errors';
import { categorySchema, systemSchema, type CategoryInput, type SystemInput } from './schemas';

/** user:password in a connection URL shown as ***; enough for an admin to recognise the database. */
export function redactUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}

export async function listInventory(options: { staff: StaffIdentity }) {
  authorize(options.staff, 'requests.read');
  const systems = await db().dataSystem.findMany({
    orderBy: { name: 'asc' },
    include: { categories: { orderBy: [{ position: 'asc' }, { name: 'asc' }] }, owner: { select: { id: true, name: true, email: true } } },
  });
  return systems.map(({ connectionUrl, webhookSecret, ...s }) => ({
    ...s,
    connectionUrl: redactUrl(connectionUrl),
    hasConnectionUrl: Boolean(connectionUrl),
    hasWebhookSecret: Boolean(webhookSecret),
  }));
}

export type InventorySystem = Awaited<ReturnType<typeof listInventory>>[number];

/**
 * Creates or updates a system. On update an empty connection URL or webhook secret keeps the stored
 * one (the form never receives them back).
 */
export async function saveSystem(options: { staff: StaffIdentity; input: SystemInput }) {
  const staff = authorize(options.staff, 'inventory.manage');
  const parsed = systemSchema.parse(options.input);
  const { id, ...data } = parsed;
  return db().$transaction(async (tx) => {
    const existing = id ? await tx.dataSystem.findUnique({ where: { id } }) : null;
    if (id && !existing) throw new AppError('NOT_FOUND', 'No system with that id.');
    const connectionUrl = data.connectionUrl ?? existing?.connectionUrl ?? null;
    const webhookSecret = data.webhookSecret ?? existing?.webhookSecret ?? null;
    if (data.kind === 'postgres' && !connectionUrl) throw new AppError('INVALID_INPUT', 'A PostgreSQL connector needs the database URL.', { fields: { connectionUrl: ['Give the database URL'] } });
    if (data.kind === 'webhook' && !data.webhookUrl) throw new AppError('INVALID_INPUT', 'A webhook connector needs its URL.', { fields: { webhookUrl: ['Give the webhook URL'] } });
    if (data.kind === 'webhook' && (webhookSecret?.length ?? 0) < 32) throw new AppError('INVALID_INPUT', 'A webhook connector needs a shared secret of at least 32 characters.', { fields: { webhookSecret: ['At least 32 characters'] } });
    if (data.ownerId && !(await tx.user.findFirst({ where: { id: data.ownerId, deactivatedAt: null } }))) {
      throw new AppError('INVALID_INPUT', 'The owner must be an active staff member.', { fields: { ownerId: ['Choose an active staff member'] } });
    }
    const clash = await tx.dataSystem.findUnique({ where: { key: data.key } });
    if (clash && clash.id !== id) throw new AppError('INVALID_INPUT', 'Another system already uses that key.', { fields: { key: ['Choose another key'] } });
    const values = { ...data, connectionUrl, webhookSecret };
    const system = existing ? await tx.dataSystem.update({ where: { id: existing.id }, data: values }) : await tx.dataSystem.create({ data: values });
    await recordAuditEvent(tx, {
      action: existing ? 'inventory.system_updated' : 'inventory.system_created',
      actor: { type: 'staff', id: staff.id },
      // Which connector settings changed, never their values (URLs can carry credentials).
      data: { systemId: system.id, key: system.key, kind: system.kind, allowPrivateNetwork: system.allowPrivateNetwork, connectorChanged: Boolean(data.connectionUrl || data.webhookSecret || existing?.webhookUrl !== data.webhookUrl) },
    });
    return system;
  });
}

export async function saveCategory(options: { staff: StaffIdentity; input: CategoryInput }) {
  const staff = authorize(options.staff, 'inventory.manage');
  const { id, ...data } = categorySchema.parse(options.input);
  return db().$transaction(async (tx) => {
    if (!(await tx.dataSystem.findUnique({ where: { id: data.systemId } }))) throw new AppError('NOT_FOUND', 'No system with that id.');
    const clash = await tx.dataCategory.findUnique({ where: { systemId_name: { systemId: data.systemId, name: data.name } } });
    if (clash && clash.id !== id) throw new AppError('INVALID_INPUT', 'This system already has a category with that name.', { fields: { name: ['Choose another name'] } });
    const category = id
      ? await tx.dataCategory.update({ where: { id }, data })
      : await tx.dataCategory.create({ data: { ...data, position: await tx.dataCategory.count({ where: { systemId: data.systemId } }) } });
    await recordAuditEvent(tx, { action: id ? 'inventory.category_updated' : 'inventory.category_created', actor: { type: 'staff', id: staff.id }, data: { systemId: data.systemId, categoryId: category.id, name: category.name } });
    return category;
  });
}

export async function deleteCategory(options: { staff: StaffIdentity; categoryId: string }) {
  const staff = authorize(options.staff, 'inventory.manage');
  await db().$transaction(async (tx) => {
    const category = await tx.dataCategory.findUnique({ where: { id: options.categoryId } });
    if (!category) throw new AppError('NOT_FOUND', 'No category with that id.');
    await tx.dataCategory.delete({ where: { id: category.id } });
    await recordAuditEvent(tx, { action: 'inventory.category_deleted', actor: { type: 'staff', id: staff.id }, data: { systemId: category.systemId, name: category.name } });
  });
}
