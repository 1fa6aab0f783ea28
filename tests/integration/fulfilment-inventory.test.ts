import { beforeEach, describe, expect, it } from 'vitest';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { db } from '../../lib/db';
import { openConnectionUrl } from '../../lib/fulfilment/connection-url';
import { openConnectorSecret } from '../../lib/fulfilment/connector-secret';
import { INVENTORY_SEED, seedInventory } from '../../lib/fulfilment/inventory-seed';
import { listInventory } from '../../lib/fulfilment/list-inventory';
import { saveCategory } from '../../lib/fulfilment/save-category';
import { saveSystem } from '../../lib/fulfilment/save-system';
import { resetDatabase } from '../support/reset-database';
import { seededInventory } from '../support/fulfilment';
import { aStaffIdentity } from '../support/staff';

let admin: StaffIdentity;
let reviewer: StaffIdentity;

beforeEach(async () => {
  await resetDatabase();
  admin = await aStaffIdentity('admin');
  reviewer = await aStaffIdentity('reviewer');
});

describe('the data inventory', () => {
  it('a fresh install is seeded from the privacy policy, once, with demo connectors and no secrets shown', async () => {
    const { postgresUrl } = await seededInventory();
    expect(await seedInventory(db(), { postgresUrl, webhookUrl: null, webhookSecret: 'x'.repeat(32) })).toBe(false);
    const systems = await listInventory({ staff: reviewer });
    expect(systems.map((s) => s.key).sort()).toEqual(INVENTORY_SEED.map((s) => s.key).sort());
    const accounts = systems.find((s) => s.key === 'accounts')!;
    expect(accounts.kind).toBe('postgres');
    expect(accounts.hasConnectionUrl).toBe(true);
    expect(accounts.connectionUrl).not.toMatch(/portal-local-only/);
    expect(systems.find((s) => s.key === 'support')!.kind).toBe('manual');
    const categories = systems.flatMap((s) => s.categories.map((c) => c.name));
    for (const name of [
      'Account information',
      'Usage data',
      'Log and device data',
      'Billing, plan and business contact information',
      'Customer content',
      'Cookie, analytics and performance data',
    ]) {
      expect(categories).toContain(name);
    }
    for (const c of systems.flatMap((s) => s.categories)) {
      expect(c.purposes.length).toBeGreaterThan(0);
      expect(c.legalBasis && c.retention && c.source).toBeTruthy();
    }
  });

  it('admins edit systems and categories (audited); others cannot; bad connector settings are refused', async () => {
    const input = {
      key: 'crm',
      name: 'CRM',
      kind: 'manual' as const,
      taskTypes: ['collect', 'erase'],
      checklist: 'Export the contact\nDelete the contact',
      allowPrivateNetwork: false,
    };
    await expect(saveSystem({ staff: reviewer, input })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const crm = await saveSystem({ staff: admin, input });
    expect(crm.checklist).toEqual(['Export the contact', 'Delete the contact']);
    await saveCategory({
      staff: admin,
      input: {
        systemId: crm.id,
        name: 'Sales contacts',
        purposes: 'Sell things',
        legalBasis: 'Legitimate interest',
        recipients: '',
        retention: '2 years',
        source: 'You',
      },
    });
    expect(await db().auditEvent.count({ where: { action: { startsWith: 'inventory.' }, actorId: admin.id } })).toBe(2);

    await expect(
      saveSystem({
        staff: admin,
        input: {
          ...input,
          key: 'crm2',
          kind: 'webhook',
          webhookUrl: 'https://crm.example.com/hook',
          webhookSecret: 'short',
        },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      saveSystem({
        staff: admin,
        input: {
          ...input,
          key: 'crm3',
          kind: 'postgres',
          connectionUrl: 'postgresql://x@db/crm',
          statements: JSON.stringify({ collect: [{ name: 'c', sql: "SELECT * FROM c WHERE email = 'a@b'" }] }),
        },
      }),
    ).rejects.toThrow(/\$1/);
    await expect(
      saveSystem({
        staff: admin,
        input: {
          ...input,
          key: 'crm4',
          kind: 'postgres',
          connectionUrl: 'postgresql://x@db/crm',
          statements: JSON.stringify({ erase: [{ name: 'c', sql: 'DELETE FROM c WHERE email = $1; DROP TABLE c' }] }),
        },
      }),
    ).rejects.toThrow(/single statement/);
    // The longest secret the form takes, in characters that are 3 bytes each in UTF-8, is stored sealed.
    const longSecret = '€'.repeat(200);
    const hook = await saveSystem({
      staff: admin,
      input: {
        ...input,
        key: 'crm6',
        kind: 'webhook',
        webhookUrl: 'https://crm.example.com/hook',
        webhookSecret: longSecret,
      },
    });
    const sealed = (await db().dataSystem.findUniqueOrThrow({ where: { id: hook.id } })).webhookSecret!;
    expect(sealed).not.toContain('€');
    expect(openConnectorSecret(sealed)).toBe(longSecret);
    // Editing without re-entering the connection URL keeps the stored one.
    const pg = await saveSystem({
      staff: admin,
      input: { ...input, key: 'crm5', kind: 'postgres', connectionUrl: 'postgresql://u:secret@db/crm', statements: '' },
    });
    await saveSystem({
      staff: admin,
      input: { ...input, id: pg.id, key: 'crm5', kind: 'postgres', connectionUrl: '', name: 'CRM five' },
    });
    const stored = (await db().dataSystem.findUniqueOrThrow({ where: { id: pg.id } })).connectionUrl!;
    expect(stored).not.toContain('secret@db');
    expect(openConnectionUrl(stored)).toBe('postgresql://u:secret@db/crm');
  });
});
