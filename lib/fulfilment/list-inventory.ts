/**
 * The data inventory as admins edit it: systems with their connector, and the categories each holds.
 * Connector secrets never leave the server: the page sees whether one is set, not its value.
 */
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db } from '../db';

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
    include: {
      categories: { orderBy: [{ position: 'asc' }, { name: 'asc' }] },
      owner: { select: { id: true, name: true, email: true } },
    },
  });
  return systems.map(({ connectionUrl, webhookSecret, ...s }) => ({
    ...s,
    connectionUrl: redactUrl(connectionUrl),
    hasConnectionUrl: Boolean(connectionUrl),
    hasWebhookSecret: Boolean(webhookSecret),
  }));
}

export type InventorySystem = Awaited<ReturnType<typeof listInventory>>[number];
