/**
 * The account email a requester names is a claim until they prove it: on real PostgreSQL, with the
 * demo connectors (the account and usage databases, and the demo help desk behind the webhook), a
 * request naming another person's account email never collects, changes or erases that account's
 * rows, before or after staff start it, until the address is proven; once proven, it does.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET as statusPage } from '../../app/(public)/status/[id]/route';
import { POST as accountEmailPost } from '../../app/(public)/status/[id]/account-email/route';
import { POST as confirmAccountEmailPost } from '../../app/(public)/verify/account-email/confirm/route';
import { db } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { SIGNATURE_HEADER } from '../../lib/fulfilment/connectors/signing';
import { answerDemoSupportDesk } from '../../lib/fulfilment/demo-support-desk';
import { listTasks } from '../../lib/fulfilment/list-tasks';
import { readOutcome } from '../../lib/fulfilment/outcome';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { getRequestStatus } from '../../lib/requests/get-request-status';
import { getRequestDetail } from '../../lib/requests/staff/get-request-detail';
import { startRequest } from '../../lib/requests/staff/start-request';
import { submitRequest } from '../../lib/requests/submit-request';
import { getObject } from '../../lib/storage/storage';
import type { NewRequest } from '../../lib/universal/request-schema';
import { confirmAccountEmail } from '../../lib/verification/confirm-account-email';
import { sendAccountEmailProof } from '../../lib/verification/send-account-email-proof';
import { verifyRequest } from '../../lib/verification/verify-request';
import { aDemoPerson, demoDatabase, seededInventory } from '../support/fulfilment';
import { runDueJobs } from '../support/jobs';
import { resetDatabase } from '../support/reset-database';
import { aRequest, latestStatusLink, latestVerificationToken } from '../support/requests';
import { aStaffIdentity } from '../support/staff';
import { startWebhookSystem } from '../support/webhook-system';

let reviewer: StaffIdentity;
let helpDesk: Awaited<ReturnType<typeof startWebhookSystem>>;

beforeAll(async () => {
  process.env.STORAGE_ROOT = await mkdtemp(path.join(os.tmpdir(), 'portal-storage-'));
  resetEnvCache();
  // The demo help desk itself answers the webhook connector, on this run's demo database.
  helpDesk = await startWebhookSystem();
  const demoUrl = await demoDatabase();
  helpDesk.answerWith((job, res) => {
    answerDemoSupportDesk(job.raw, (job.headers[SIGNATURE_HEADER.toLowerCase()] as string) ?? null, demoUrl).then(
      (answer) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer)),
      () => res.writeHead(500).end(),
    );
  });
});

afterAll(async () => {
  await helpDesk.close();
});

beforeEach(async () => {
  await resetDatabase();
  reviewer = await aStaffIdentity('reviewer');
  await seededInventory({ webhookUrl: helpDesk.url, webhookSecret: 'the-demo-help-desk-shared-secret-0123456789' });
  await db().dataSystem.update({ where: { key: 'support' }, data: { allowPrivateNetwork: true } });
});

async function verified(overrides: Partial<NewRequest> = {}) {
  const input = aRequest(overrides);
  await aDemoPerson(input.email);
  const created = await submitRequest({ input, channel: 'web' });
  await verifyRequest({ token: await latestVerificationToken(input.email) });
  return { input, id: created.id, status: await latestStatusLink(input.email) };
}

/** The other person's rows in every demo system, and whether their processing is restricted. */
async function rowsOf(email: string) {
  const client = new pg.Client({ connectionString: await demoDatabase() });
  await client.connect();
  try {
    const count = async (sql: string) => (await client.query(sql, [email])).rows[0].n as number;
    return {
      accounts: await count('SELECT count(*)::int AS n FROM accounts WHERE email = $1'),
      restricted: await count('SELECT count(*)::int AS n FROM accounts WHERE email = $1 AND processing_restricted'),
      apiKeys: await count('SELECT count(*)::int AS n FROM api_keys WHERE account_email = $1'),
      usage: await count('SELECT count(*)::int AS n FROM usage_events WHERE account_email = $1'),
      tickets: await count('SELECT count(*)::int AS n FROM support_tickets WHERE account_email = $1'),
    };
  } finally {
    await client.end();
  }
}

async function readAll(key: string) {
  const chunks: Buffer[] = [];
  for await (const c of getObject(key)) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Everything the connectors collected for the request, as one text. */
async function collected(requestId: string) {
  const tasks = await listTasks({ staff: reviewer, requestId });
  const texts: string[] = [];
  for (const task of tasks.filter((t) => t.type === 'collect'))
    for (const set of readOutcome(task.outcome).datasets ?? []) texts.push(await readAll(set.storageKey));
  return texts.join('\n');
}

const identitiesSent = () =>
  helpDesk.jobs.flatMap((job) =>
    (job.body.subject as { identities: { value: string }[] }).identities.map((i) => i.value),
  );

async function latestProofToken(to: string) {
  const mail = await db().outboxEmail.findFirstOrThrow({
    where: { to, template: 'prove-account-email' },
    orderBy: { createdAt: 'desc' },
  });
  return /\/verify\/account-email\?token=([A-Za-z0-9_-]{43})/.exec(mail.text)![1];
}

const form = (fields: Record<string, string>) =>
  new Request('http://portal.test/x', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.7' },
    body: new URLSearchParams(fields),
  });

describe('an account email named on a request', () => {
  it('is never collected, changed or erased before it is proven, before or after start; once proven, it is', async () => {
    const someoneElse = `someone.else.${Date.now()}@example.com`;
    await aDemoPerson(someoneElse);
    const whole = { accounts: 1, restricted: 0, apiKeys: 2, usage: 12, tickets: 1 };
    expect(await rowsOf(someoneElse)).toEqual(whole);

    const r = await verified({ types: ['access', 'deletion', 'restriction'], accountEmail: someoneElse });
    await runDueJobs();
    expect(await rowsOf(someoneElse), 'before start').toEqual(whole);

    const detail = await getRequestDetail({ staff: reviewer, requestId: r.id });
    expect(detail.unprovenAccountEmail).toBe(true);
    expect(detail.submitted.accountEmailProvenAt).toBeNull();
    expect(await startRequest({ staff: reviewer, requestId: r.id })).toEqual({ unprovenAccountEmail: true });
    await runDueJobs();
    const tasks = await listTasks({ staff: reviewer, requestId: r.id });
    expect(tasks.filter((t) => t.automated).map((t) => t.status)).not.toContain('failed');
    expect(await rowsOf(someoneElse), 'after start').toEqual(whole);
    expect(await rowsOf(r.input.email.toLowerCase())).toMatchObject({ accounts: 0, tickets: 0 });
    expect(await collected(r.id)).not.toContain(someoneElse);
    expect(identitiesSent()).not.toContain(someoneElse);
    expect(identitiesSent()).toContain(r.input.email.toLowerCase());

    // The requester proves the address: a link sent to it, confirmed from there.
    await sendAccountEmailProof({ requestId: r.id, statusToken: r.status.token });
    expect(await confirmAccountEmail({ token: await latestProofToken(someoneElse) })).toEqual({ outcome: 'proven' });
    await runDueJobs();
    expect(await collected(r.id)).toContain(someoneElse);
    expect(identitiesSent()).toContain(someoneElse);
    expect(await rowsOf(someoneElse), 'after proof').toMatchObject({ accounts: 0, apiKeys: 0, usage: 0, tickets: 0 });
    const proven = await getRequestDetail({ staff: reviewer, requestId: r.id });
    expect(proven.unprovenAccountEmail).toBe(false);
    expect(proven.submitted.accountEmailProvenAt).toBeInstanceOf(Date);
  });

  it('proven before start: the first task run acts for it too, and restriction changes its row', async () => {
    const someoneElse = `proven.first.${Date.now()}@example.com`;
    await aDemoPerson(someoneElse);
    const r = await verified({ types: ['restriction'], accountEmail: someoneElse });
    await sendAccountEmailProof({ requestId: r.id, statusToken: r.status.token });
    expect(await confirmAccountEmail({ token: await latestProofToken(someoneElse) })).toEqual({ outcome: 'proven' });
    expect(await startRequest({ staff: reviewer, requestId: r.id })).toEqual({ unprovenAccountEmail: false });
    await runDueJobs();
    expect(await rowsOf(someoneElse)).toMatchObject({ accounts: 1, restricted: 1 });
  });

  it('the status page asks for proof with the address masked, and its forms work without script', async () => {
    const someoneElse = `masked.${Date.now()}@example.com`;
    const r = await verified({ accountEmail: someoneElse });
    const params = Promise.resolve({ id: r.id });
    const page = await (
      await statusPage(new Request(`http://portal.test/status/${r.id}?token=${r.status.token}`), { params })
    ).text();
    expect(page).toContain('Email a link to m•••@e•••.com');
    expect(page).not.toContain(someoneElse);
    expect((await getRequestStatus({ requestId: r.id, token: r.status.token })).accountEmail).toEqual({
      masked: 'm•••@e•••.com',
      provenAt: null,
    });

    const sent = await accountEmailPost(form({ token: r.status.token }), { params });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toContain('notice=account-link-sent');
    const again = await accountEmailPost(form({ token: r.status.token }), { params });
    expect(again.headers.get('location')).toContain('notice=rate-limited');

    const confirmed = await confirmAccountEmailPost(form({ token: await latestProofToken(someoneElse) }));
    expect(confirmed.headers.get('location')).toBe('/verify/account-email?result=proven');
    const after = await (
      await statusPage(new Request(`http://portal.test/status/${r.id}?token=${r.status.token}`), { params })
    ).text();
    expect(after).not.toContain('Email a link to');
    expect(after).toContain('confirmed on');
    const events = await db().auditEvent.findMany({ where: { requestId: r.id } });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['account_email.proof_sent', 'account_email.proven']),
    );
    expect(JSON.stringify(events.map((e) => [e.summary, e.data]))).not.toContain(someoneElse);
  });

  it('a proof link cannot verify a request, and a verification link cannot prove an address', async () => {
    const someoneElse = `not.a.verification.${Date.now()}@example.com`;
    const r = await verified({ accountEmail: someoneElse });
    await sendAccountEmailProof({ requestId: r.id, statusToken: r.status.token });
    const proof = await latestProofToken(someoneElse);
    await expect(verifyRequest({ token: proof })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const unverified = aRequest({ accountEmail: someoneElse });
    await submitRequest({ input: unverified, channel: 'web' });
    await expect(confirmAccountEmail({ token: await latestVerificationToken(unverified.email) })).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );
    expect((await db().privacyRequest.findFirstOrThrow({ where: { email: unverified.email } })).status).toBe(
      'unverified',
    );
  });

  it('a proof link works once, only the newest works, and it expires', async () => {
    const someoneElse = `single.use.${Date.now()}@example.com`;
    const r = await verified({ accountEmail: someoneElse });
    const now = Date.now();
    await sendAccountEmailProof({ requestId: r.id, statusToken: r.status.token, now: new Date(now) });
    const first = await latestProofToken(someoneElse);
    await sendAccountEmailProof({ requestId: r.id, statusToken: r.status.token, now: new Date(now + 61_000) });
    const second = await latestProofToken(someoneElse);
    expect(await confirmAccountEmail({ token: first })).toEqual({ outcome: 'used' });
    const link = await db().accountEmailProof.findFirstOrThrow({ where: { requestId: r.id, usedAt: null } });
    expect(await confirmAccountEmail({ token: second, now: new Date(link.expiresAt.getTime() + 1) })).toEqual({
      outcome: 'expired',
    });
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: r.id } })).accountEmailVerifiedAt).toBeNull();
    expect(await confirmAccountEmail({ token: second })).toEqual({ outcome: 'proven' });
    expect(await confirmAccountEmail({ token: second })).toEqual({ outcome: 'already-proven' });
    // Stored as hashes only: neither the token nor the address is in the row.
    expect(JSON.stringify(link)).not.toContain(second);
    expect(JSON.stringify(link)).not.toContain(someoneElse);
  });

  it('a wrong status token gets the same "not found" as everywhere else, and sends nothing', async () => {
    const someoneElse = `wrong.token.${Date.now()}@example.com`;
    const r = await verified({ accountEmail: someoneElse });
    const elsewhere = await getRequestStatus({ requestId: r.id, token: 'x'.repeat(43) }).catch((e: unknown) => e);
    const here = await sendAccountEmailProof({ requestId: r.id, statusToken: 'x'.repeat(43) }).catch((e: unknown) => e);
    expect(here).toMatchObject({ code: 'NOT_FOUND', message: (elsewhere as Error).message });
    const unknown = await sendAccountEmailProof({
      requestId: '00000000-0000-4000-8000-000000000000',
      statusToken: r.status.token,
    }).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', message: (elsewhere as Error).message });
    expect(await db().outboxEmail.count({ where: { template: 'prove-account-email' } })).toBe(0);
  });

  it("nothing to prove: no account email, or the request's own address named again", async () => {
    const none = await verified();
    await expect(sendAccountEmailProof({ requestId: none.id, statusToken: none.status.token })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const input = aRequest();
    const same = await verified({ email: input.email, accountEmail: input.email.toUpperCase() });
    await expect(sendAccountEmailProof({ requestId: same.id, statusToken: same.status.token })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await getRequestStatus({ requestId: same.id, token: same.status.token })).accountEmail).toBeNull();
  });
});
