/**
 * The Art. 15 supplement says only what is true (issue #14 §10), on real PostgreSQL and through a
 * real package build: the transfer safeguard each system records, retention periods only once an
 * admin confirmed them (the policy's criteria until then), and the categories the policy names.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { closeOpenTasks } from '../../lib/fulfilment/close-open-tasks';
import { confirmCategoryRetention } from '../../lib/fulfilment/confirm-category-retention';
import { INVENTORY_SEED } from '../../lib/fulfilment/inventory-seed';
import { openDownload, requestDownloadLink } from '../../lib/fulfilment/package/download-package';
import { POLICY_RETENTION_CRITERIA } from '../../lib/fulfilment/retention-criteria';
import { saveCategory } from '../../lib/fulfilment/save-category';
import { saveRecipientTransfer } from '../../lib/fulfilment/save-recipient-transfer';
import { saveSystem } from '../../lib/fulfilment/save-system';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { completeRequest } from '../../lib/requests/staff/complete-request';
import { startRequest } from '../../lib/requests/staff/start-request';
import { submitRequest } from '../../lib/requests/submit-request';
import { verifyRequest } from '../../lib/verification/verify-request';
import { aDemoPerson, seededInventory } from '../support/fulfilment';
import { runDueJobs } from '../support/jobs';
import { resetDatabase } from '../support/reset-database';
import { aRequest, latestStatusLink, latestVerificationToken } from '../support/requests';
import { aStaffIdentity } from '../support/staff';
import { useStorage } from '../support/storage-under-test';
import { unzip } from '../support/unzip';

const CONFIRMED_AT = new Date('2026-12-01T10:00:00Z');
let admin: StaffIdentity;
let reviewer: StaffIdentity;

beforeAll(async () => {
  await useStorage('local');
});

beforeEach(async () => {
  await resetDatabase();
  admin = await aStaffIdentity('admin');
  reviewer = await aStaffIdentity('reviewer');
  await seededInventory();
});

const category = (name: string) => db().dataCategory.findFirstOrThrow({ where: { name } });

/** An access request for a demo person, fulfilled, and the supplementary information of its package. */
async function supplementOfAPackage() {
  const input = aRequest({ types: ['access'] });
  await aDemoPerson(input.email);
  const created = await submitRequest({ input, channel: 'web' });
  await verifyRequest({ token: await latestVerificationToken(input.email) });
  await startRequest({ staff: admin, requestId: created.id });
  await runDueJobs();
  await closeOpenTasks({ staff: admin, requestId: created.id, reason: 'Manual systems hold nothing for this person' });
  await completeRequest({ staff: admin, requestId: created.id, message: 'Your copy is ready to download.' });
  await runDueJobs();
  await requestDownloadLink({ requestId: created.id, statusToken: (await latestStatusLink(input.email)).token });
  const mail = await db().outboxEmail.findFirstOrThrow({ where: { requestId: created.id, template: 'download-link' } });
  const { stream } = await openDownload({ token: /\/download\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1] });
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return (await unzip(Buffer.concat(chunks))).get('supplementary-information.txt')!;
}

describe('the supplementary information says only what is true', () => {
  it('GDPR Art. 15(2), 15(1)(d): names the recorded safeguard, and a period only once confirmed', async () => {
    const accounts = await db().dataSystem.findUniqueOrThrow({ where: { key: 'accounts' } });
    await saveSystem({
      staff: admin,
      input: {
        id: accounts.id,
        key: accounts.key,
        name: accounts.name,
        kind: accounts.kind,
        taskTypes: accounts.taskTypes,
        checklist: accounts.checklist,
        statements: accounts.statements as never,
        active: true,
        transferSafeguard: 'sccs',
        transferCountry: 'United States',
      },
    });
    await confirmCategoryRetention({
      staff: admin,
      categoryId: (await category('Account information')).id,
      now: CONFIRMED_AT,
    });

    const info = await supplementOfAPackage();
    expect(info).toContain(
      'Account database: transferred to United States under the standard contractual clauses adopted by the European Commission (GDPR Art. 46(2)(c)).',
    );
    expect(info).toContain('Usage metering: not yet recorded in our inventory; ask us and we will tell you.');
    expect(info).not.toContain('such as standard contractual clauses');

    // Confirmed: the period. Unconfirmed: the policy's criteria, not the seed's "13 months".
    expect(info).toMatch(
      /Account information \(held in: Account database\)[\s\S]*?How long we keep it \(retention\): While the account is open, then 30 days/,
    );
    expect(info).toMatch(
      new RegExp(
        `Usage data \\(held in: Usage metering\\)[\\s\\S]*?How long we keep it \\(retention\\): ${POLICY_RETENTION_CRITERIA.replace(/[()]/g, '\\$&')}`,
      ),
    );
    expect(info).not.toContain('13 months');
    // The portal's own records are part of what we hold about every requester.
    expect(info).toContain('Privacy request records (held in: Privacy request portal)');
  });

  it('a transfer must name its destination', async () => {
    const usage = await db().dataSystem.findUniqueOrThrow({ where: { key: 'usage' } });
    await expect(
      saveSystem({
        staff: admin,
        input: {
          id: usage.id,
          key: usage.key,
          name: usage.name,
          kind: usage.kind,
          taskTypes: usage.taskTypes,
          active: true,
          transferSafeguard: 'adequacy',
        },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { fields: { transferCountry: expect.any(Array) } } });
  });

  it('GDPR Art. 15(2): names the safeguard recorded for each active recipient, and says when none is', async () => {
    const recipient = (key: string, name: string, active = true) =>
      db().dataRecipient.create({
        data: { key, name, role: 'processor', categories: ['Usage data'], contact: 'privacy@example.test', active },
      });
    const hosting = await recipient('hosting', 'Infrastructure and hosting providers');
    await recipient('observability', 'Observability providers');
    const gone = await recipient('former', 'A former provider', false);
    await saveRecipientTransfer({
      staff: admin,
      input: { recipientId: hosting.id, transferSafeguard: 'uk_addendum', transferCountry: 'United States' },
    });
    await saveRecipientTransfer({
      staff: admin,
      input: { recipientId: gone.id, transferSafeguard: 'sccs', transferCountry: 'India' },
    });

    const info = await supplementOfAPackage();
    expect(info).toContain(
      "Infrastructure and hosting providers: transferred to United States under the European Commission's standard contractual clauses with the UK International Data Transfer Addendum",
    );
    expect(info).toContain('Observability providers: not yet recorded in our inventory; ask us and we will tell you.');
    expect(info).not.toContain('A former provider');
    expect(info).not.toContain('such as standard contractual clauses');
  });

  it("a recipient's transfer is for admins, names its destination, and is audited", async () => {
    const tax = await db().dataRecipient.create({
      data: { key: 'tax', name: 'Tax advisers', role: 'third_party', categories: [], contact: 'tax@example.test' },
    });
    await expect(
      saveRecipientTransfer({ staff: reviewer, input: { recipientId: tax.id, transferSafeguard: 'no_transfer' } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      saveRecipientTransfer({ staff: admin, input: { recipientId: tax.id, transferSafeguard: 'adequacy' } }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { fields: { transferCountry: expect.any(Array) } } });
    await saveRecipientTransfer({
      staff: admin,
      input: { recipientId: tax.id, transferSafeguard: 'no_transfer', transferCountry: 'Ignored' },
    });
    expect(await db().dataRecipient.findUniqueOrThrow({ where: { id: tax.id } })).toMatchObject({
      transferSafeguard: 'no_transfer',
      transferCountry: null,
    });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'inventory.recipient_transfer_saved' } });
    expect(event).toMatchObject({
      actorId: admin.id,
      data: { recipientId: tax.id, transferSafeguard: 'no_transfer', transferCountry: null },
    });
  });

  it('the seed holds the categories the policy names, every seeded period unconfirmed', async () => {
    for (const name of ['Survey responses', 'Data received from connected services', 'Privacy request records'])
      expect((await category(name)).retentionConfirmedAt).toBeNull();
    expect(await db().dataCategory.count({ where: { retentionConfirmedAt: { not: null } } })).toBe(0);
  });
});

describe('confirming a retention period', () => {
  it('is for admins only, and audited with the period confirmed', async () => {
    const usage = await category('Usage data');
    await expect(confirmCategoryRetention({ staff: reviewer, categoryId: usage.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await category('Usage data')).retentionConfirmedAt).toBeNull();

    await confirmCategoryRetention({ staff: admin, categoryId: usage.id, now: CONFIRMED_AT });
    expect(await category('Usage data')).toMatchObject({
      retentionConfirmedAt: CONFIRMED_AT,
      retentionConfirmedById: admin.id,
    });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'inventory.retention_confirmed' } });
    expect(event).toMatchObject({ actorType: 'staff', actorId: admin.id });
    expect(event.data).toMatchObject({
      categoryId: usage.id,
      retention: '13 months, then aggregated without identifiers',
    });
  });
});

describe('a period an admin writes', () => {
  it('counts as confirmed by them; an edit that leaves the period alone keeps its state', async () => {
    const support = await db().dataSystem.findUniqueOrThrow({ where: { key: 'support' } });
    const input = {
      systemId: support.id,
      name: 'Call recordings',
      purposes: 'Answer support requests',
      legalBasis: 'Legitimate interest (Art. 6(1)(f) GDPR)',
      recipients: '',
      retention: '6 months',
      source: 'You, when you call us',
    };
    const created = await saveCategory({ staff: admin, input });
    expect(created).toMatchObject({ retentionConfirmedById: admin.id, retentionConfirmedAt: expect.any(Date) });

    const survey = await category('Survey responses');
    await saveCategory({
      staff: admin,
      input: { ...input, id: survey.id, name: survey.name, retention: survey.retention, source: 'You, in a survey' },
    });
    expect(await category('Survey responses')).toMatchObject({
      source: 'You, in a survey',
      retentionConfirmedAt: null,
    });
  });
});

describe('migration 20261202160400 on an inventory seeded before it', () => {
  const MIGRATION = path.resolve('prisma/migrations/20261202160400_notices_and_inventory_truth/migration.sql');
  /** The migration's data statements (after its column changes, which the test database already has). */
  const dataStatements = () =>
    readFileSync(MIGRATION, 'utf8')
      .split('-- Categories the privacy policy names')[1]
      .replace(/^[^\n]*\n/, '') // the rest of that comment line
      .split(/;\s*\n/)
      .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
      .filter(Boolean);
  const ADDED = ['Survey responses', 'Data received from connected services', 'Privacy request records'];

  it('adds the categories the policy names, with the seed text, once', async () => {
    await db().dataSystem.deleteMany({ where: { key: 'privacy-requests' } });
    await db().dataCategory.deleteMany({ where: { name: { in: ADDED } } });
    for (let run = 0; run < 2; run++) for (const sql of dataStatements()) await db().$executeRawUnsafe(sql);
    const seeded = INVENTORY_SEED.flatMap((s) => s.categories.map((c) => ({ ...c, system: s.key }))).filter((c) =>
      ADDED.includes(c.name),
    );
    expect(seeded).toHaveLength(3);
    for (const c of seeded) {
      const rows = await db().dataCategory.findMany({ where: { name: c.name }, include: { system: true } });
      expect(rows, c.name).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        purposes: c.purposes,
        legalBasis: c.legalBasis,
        recipients: c.recipients,
        retention: c.retention,
        source: c.source,
        retentionConfirmedAt: null,
        system: { key: c.system },
      });
    }
    expect(await db().dataSystem.findUniqueOrThrow({ where: { key: 'privacy-requests' } })).toMatchObject({
      taskTypes: [],
      name: 'Privacy request portal',
    });
  });

  it('leaves an empty inventory empty, so a fresh install is still seeded', async () => {
    await db().dataSystem.deleteMany();
    for (const sql of dataStatements()) await db().$executeRawUnsafe(sql);
    expect(await db().dataSystem.count()).toBe(0);
  });
});
