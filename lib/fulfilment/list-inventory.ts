/**
 * The data inventory as admins edit it: systems with their connector, and the categories each holds.
 * Connector secrets never leave the server: the page sees whether one is set, not its value, and
 * the database URL opened (connection-url.ts) and redacted.
 */
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db } from '../db';
import { openConnectionUrl } from './connection-url';

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

/** What admins see for a stored URL: redacted, or a marker when no configured storage key opens it. */
function shownUrl(stored: string | null): string | null {
  if (!stored) return null;
  let url: string;
  try {
    url = openConnectionUrl(stored);
  } catch {
    return '(sealed under a storage key not configured)';
  }
  return redactUrl(url);
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
    connectionUrl: shownUrl(connectionUrl),
    hasConnectionUrl: Boolean(connectionUrl),
    hasWebhookSecret: Boolean(webhookSecret),
  }));
}

export type InventorySystem = Awaited<ReturnType<typeof listInventory>>[number];
