/**
 * A PostgreSQL connector's database URL is stored sealed and survives a rotation of the storage key
 * (docs/decisions/022): tasks run against the system's real database, and identity questions are
 * answered from it, before and after the re-key run has finished and the old key is gone. A plain URL
 * kept from before sealing keeps working and is sealed by the run; admins see it redacted throughout.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { listInventory, redactUrl } from '../../lib/fulfilment/list-inventory';
import { readOutcome } from '../../lib/fulfilment/outcome';
import { readExpectedAnswers } from '../../lib/fulfilment/read-expected-answers';
import { saveSystem } from '../../lib/fulfilment/save-system';
import { countLeftToRekey } from '../../lib/keys/count-left-to-rekey';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { sealedTextKeyId, sealText } from '../../lib/security/sealed-text';
import { aDemoPerson, seededInventory, startedDemoDeletion } from '../support/fulfilment';
import { keyRotation } from '../support/key-rotation';
import { resetDatabase } from '../support/reset-database';
import { aStaffIdentity } from '../support/staff';

const rotation = keyRotation();
const { keys, rotateAndRekey } = rotation;
const STORAGE_B_ID = rotation.storageBId;

let reviewer: StaffIdentity;
let admin: StaffIdentity;
let postgresUrl: string;

beforeAll(async () => {
  process.env.STORAGE_ROOT = await mkdtemp(path.join(os.tmpdir(), 'portal-storage-'));
});
beforeEach(async () => {
  keys.set(rotation.phases.before);
  await resetDatabase();
  await db().rekeyRun.deleteMany();
  reviewer = await aStaffIdentity('reviewer');
  admin = await aStaffIdentity('admin');
  ({ postgresUrl } = await seededInventory());
});
afterEach(() => keys.restore());

const storedUrl = async (key = 'accounts') =>
  (await db().dataSystem.findUniqueOrThrow({ where: { key }, select: { connectionUrl: true } })).connectionUrl!;

/**
 * The stored value holds nothing of the URL: neither its user, nor its password (the embedded server's
 * URLs have one; CI's PostgreSQL 15 trusts local connections and its URLs have none), nor its database's name.
 */
function holdsNoneOf(stored: string, url: string) {
  const { username, password, pathname } = new URL(url);
  for (const part of [username, password, pathname.slice(1)]) if (part) expect(stored).not.toContain(part);
  expect(sealedTextKeyId(stored)).not.toBeNull();
}

/** `url` with a password: its own, or one a server that trusts local connections ignores. */
function withPassword(url: string) {
  const withOne = new URL(url);
  if (!withOne.password) withOne.password = 'ignored-by-a-trusting-server';
  return withOne.toString();
}

/** A deletion request for a demo person: the accounts system's erase statements run on its database. */
async function erasesThroughConnector() {
  const task = await startedDemoDeletion(reviewer, 'accounts');
  expect(task.lastError).toBeNull();
  expect(task.status).toBe('done');
  expect(readOutcome(task.outcome).statements).toEqual([
    { name: 'api_keys', rows: 2 },
    { name: 'account', rows: 1 },
  ]);
}

/** Identity questions are answered from the accounts database. */
async function answersIdentityQuestions() {
  const email = `asked.${randomBytes(4).toString('hex')}@example.com`;
  await aDemoPerson(email);
  const { expected, systems } = await readExpectedAnswers([email]);
  expect(systems).toBeGreaterThan(0);
  expect(expected.organization).toEqual(['Example Ltd']);
}

async function listedUrl(key = 'accounts') {
  return (await listInventory({ staff: admin })).find((s) => s.key === key)!;
}

describe('PostgreSQL connectors’ database URLs', () => {
  it('are stored sealed, and tasks and identity questions reach the database after the storage key rotated and the old one is gone', async () => {
    holdsNoneOf(await storedUrl(), postgresUrl);
    holdsNoneOf(await storedUrl('usage'), postgresUrl);
    expect((await listedUrl()).connectionUrl).toBe(redactUrl(postgresUrl));
    await erasesThroughConnector();
    await answersIdentityQuestions();

    await rotateAndRekey();
    const after = await storedUrl();
    holdsNoneOf(after, postgresUrl);
    expect(sealedTextKeyId(after)).toBe(STORAGE_B_ID);
    expect(await countLeftToRekey()).toMatchObject({ connectionUrls: 0, plainConnectionUrls: 0 });
    expect((await listedUrl()).connectionUrl).toBe(redactUrl(postgresUrl));
    await erasesThroughConnector();
    await answersIdentityQuestions();
  });

  it('a URL staff set is stored sealed, listed redacted, and an empty one on save keeps it', async () => {
    const accounts = await db().dataSystem.findUniqueOrThrow({ where: { key: 'accounts' } });
    const input = {
      id: accounts.id,
      key: accounts.key,
      name: accounts.name,
      kind: 'postgres' as const,
      taskTypes: accounts.taskTypes,
      checklist: accounts.checklist,
      statements: JSON.stringify(accounts.statements),
    };
    // The URL differs from the seeded one by a parameter, so its value is new.
    const url = `${withPassword(postgresUrl)}?application_name=crm`;
    await saveSystem({ staff: admin, input: { ...input, connectionUrl: url } });
    const sealed = await storedUrl();
    holdsNoneOf(sealed, url);
    expect(sealed).not.toContain('application_name');
    const listed = await listedUrl();
    expect(listed.connectionUrl).toBe(redactUrl(url));
    expect(listed.connectionUrl).toContain(':***@');
    expect(listed.connectionUrl).not.toContain(new URL(url).password);

    await saveSystem({ staff: admin, input: { ...input, connectionUrl: '' } });
    expect(await storedUrl()).toBe(sealed);
    await erasesThroughConnector();
  });

  it('a plain URL from before sealing keeps working, is counted, and is sealed by the re-key run', async () => {
    await db().$executeRaw`UPDATE data_system SET connection_url = ${postgresUrl} WHERE connection_url IS NOT NULL`;
    expect(await countLeftToRekey()).toMatchObject({ connectionUrls: 2, plainConnectionUrls: 2 });
    expect((await listedUrl()).connectionUrl).toBe(redactUrl(postgresUrl));
    await erasesThroughConnector();
    await answersIdentityQuestions();

    await rotateAndRekey();
    for (const key of ['accounts', 'usage']) {
      const sealed = await storedUrl(key);
      holdsNoneOf(sealed, postgresUrl);
      expect(sealedTextKeyId(sealed)).toBe(STORAGE_B_ID);
    }
    expect(await countLeftToRekey()).toMatchObject({ connectionUrls: 0, plainConnectionUrls: 0 });
    await erasesThroughConnector();
    await answersIdentityQuestions();
  });

  it('one sealed under a storage key no longer configured is listed with a marker, and its task says why it waits', async () => {
    const lost = sealText(postgresUrl, 'fulfilment-connection-url', randomBytes(32));
    await db().dataSystem.update({ where: { key: 'accounts' }, data: { connectionUrl: lost } });
    const listed = await listedUrl();
    expect(listed.hasConnectionUrl).toBe(true);
    expect(listed.connectionUrl).toBe('(sealed under a storage key not configured)');

    const task = await startedDemoDeletion(reviewer, 'accounts');
    expect(task.status).toBe('open');
    expect(task.lastError).toMatch(/database URL cannot be opened: .*STORAGE_ENCRYPTION_KEYS_PREVIOUS.*will retry/);
  });
});
