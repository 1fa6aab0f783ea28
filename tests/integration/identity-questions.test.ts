/**
 * Data-point matching and the signed declaration (11 CCR §7062(b)-(c), §7060) on real PostgreSQL,
 * with the demo connectors: the status page's questions are answered through its form's route
 * handler, compared with what the Account database's `verify` statements return for the request's
 * proven email, and raise the request's level; wrong answers give no hint, the page is the same with
 * or without an account, attempts are limited and audited, and no answer is stored anywhere.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST as declarationPost } from '../../app/(public)/status/[id]/declaration/route';
import { POST as answersPost } from '../../app/(public)/status/[id]/identity-questions/route';
import { GET as statusPage } from '../../app/(public)/status/[id]/route';
import { db } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { addDemoPerson } from '../../lib/fulfilment/demo-data';
import { closeOpenTasks } from '../../lib/fulfilment/close-open-tasks';
import { requestDownloadLink } from '../../lib/fulfilment/package/download-package';
import { answerIdentityQuestions } from '../../lib/identity-proof/answer-identity-questions';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { completeRequest } from '../../lib/requests/staff/complete-request';
import { getRequestDetail } from '../../lib/requests/staff/get-request-detail';
import { startRequest } from '../../lib/requests/staff/start-request';
import { submitRequest } from '../../lib/requests/submit-request';
import { putObject } from '../../lib/storage/storage';
import type { NewRequest } from '../../lib/universal/request-schema';
import { verifyRequest } from '../../lib/verification/verify-request';
import { demoDatabase, seededInventory } from '../support/fulfilment';
import { resetDatabase } from '../support/reset-database';
import { aRequest, latestStatusLink, latestVerificationToken } from '../support/requests';
import { aStaffIdentity } from '../support/staff';

const LIMITS = {
  RATE_LIMIT_IDENTITY_ANSWERS_PER_IP: '4',
  RATE_LIMIT_IDENTITY_ANSWERS_PER_REQUEST: '2',
  IDENTITY_QUESTIONS_MAX_FAILURES: '3',
};

let admin: StaffIdentity;
let people = 0;

beforeAll(async () => {
  process.env.STORAGE_ROOT = await mkdtemp(path.join(os.tmpdir(), 'portal-questions-'));
  Object.assign(process.env, LIMITS);
  resetEnvCache();
});

afterAll(() => {
  for (const key of Object.keys(LIMITS)) delete process.env[key];
  resetEnvCache();
});

beforeEach(async () => {
  await resetDatabase();
  admin = await aStaffIdentity('admin');
  await seededInventory();
});

/** A person the demo Account database knows, with answers of their own (so a search finds only them). */
async function anAccountHolder() {
  people += 1;
  const facts = {
    organization: `Quokka Widgets ${people}${process.pid}`,
    card: String(1000 + ((people * 7919 + process.pid) % 9000)),
  };
  return facts;
}

async function verified(overrides: Partial<NewRequest>, account?: { organization: string; card: string }) {
  const input = aRequest(overrides);
  if (account)
    await addDemoPerson(await demoDatabase(), {
      email: input.email,
      name: 'Ada Example',
      organization: account.organization,
      cardLast4: account.card,
    });
  const created = await submitRequest({ input, channel: 'web' });
  await verifyRequest({ token: await latestVerificationToken(input.email) });
  return { input, id: created.id, status: await latestStatusLink(input.email) };
}

const formPost = (fields: Record<string, string>, ip = '203.0.113.7') =>
  new Request('http://portal.test/x', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip },
    body: new URLSearchParams(fields),
  });

type Sent = { id: string; status: { token: string } };

async function answer(r: Sent, answers: Record<string, string>, ip?: string) {
  const res = await answersPost(formPost({ token: r.status.token, ...answers }, ip), {
    params: Promise.resolve({ id: r.id }),
  });
  expect(res.status).toBe(303);
  const location = res.headers.get('location')!;
  return { location, notice: new URL(location, 'http://portal.test').searchParams.get('notice') };
}

async function declare(r: Sent, fields: Record<string, string>) {
  const res = await declarationPost(formPost({ token: r.status.token, ...fields }), {
    params: Promise.resolve({ id: r.id }),
  });
  expect(res.status).toBe(303);
  return new URL(res.headers.get('location')!, 'http://portal.test').searchParams.get('notice');
}

async function page(r: Sent, location = `/status/${r.id}?token=${r.status.token}`) {
  const res = await statusPage(new Request(new URL(location, 'http://portal.test')), {
    params: Promise.resolve({ id: r.id }),
  });
  return res.text();
}

const levelOf = async (id: string) =>
  (await db().privacyRequest.findUniqueOrThrow({ where: { id } })).verificationLevel;

const attempts = (requestId: string) =>
  db().auditEvent.findMany({
    where: { requestId, action: { startsWith: 'verification.data_points' } },
    orderBy: { id: 'asc' },
  });

/** Every row of every table of the portal's database (and the job queue) that contains `needle`. */
async function rowsContaining(needle: string): Promise<string[]> {
  const tables = await db().$queryRaw<{ schema: string; name: string }[]>`
    SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND table_schema IN ('public', 'graphile_worker')`;
  const found: string[] = [];
  for (const t of tables) {
    const [{ n }] = await db().$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${t.schema}"."${t.name}" x WHERE row_to_json(x)::text ILIKE '%' || $1 || '%'`,
      needle,
    );
    if (n > 0) found.push(`${t.schema}.${t.name}`);
  }
  return found;
}

async function packageReady(requestId: string) {
  const key = `packages/${requestId}/test.zip`;
  const { size } = await putObject(key, Readable.from(['zip']));
  await db().dataPackage.update({
    where: { requestId },
    data: { status: 'ready', storageKey: key, size, builtAt: new Date(), expiresAt: new Date(Date.now() + 86_400_000) },
  });
}

describe('identity questions (data points)', () => {
  it('a California deletion at "email" reaches "reasonable" with one right answer, and can be started', async () => {
    const account = await anAccountHolder();
    const r = await verified({ jurisdiction: 'US-CA', types: ['deletion'] }, account);
    await expect(startRequest({ staff: admin, requestId: r.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    const before = await page(r);
    expect(before).toContain('Questions about your account');
    expect(before).not.toContain('penalty of perjury');

    // Any common form of the right answer matches: case, spaces and punctuation do not count.
    const sent = await answer(r, { organization: `  ${account.organization.toUpperCase()}. ` });
    expect(sent.notice).toBe('identity-reached');
    expect(await levelOf(r.id)).toBe('reasonable');
    const checks = await db().verificationCheck.findMany({ where: { requestId: r.id, method: 'data_points' } });
    expect(checks.map((c) => c.points)).toEqual([1]);
    expect((await attempts(r.id)).map((e) => [e.action, e.data])).toEqual([
      ['verification.data_points_matched', { answered: 1, matched: 1, needed: 1, systems: 1 }],
    ]);
    const after = await page(r, sent.location);
    expect(after).toContain('your answers match our records');
    expect(after).not.toContain('Questions about your account');

    await startRequest({ staff: admin, requestId: r.id });
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('in_progress');
  });

  it('a California access reaches "high" with two right answers and the declaration; the package is released', async () => {
    const account = await anAccountHolder();
    const r = await verified({ jurisdiction: 'US-CA', types: ['access'] }, account);
    expect(await page(r)).toContain('penalty of perjury');

    const sent = await answer(r, {
      account_created_month: 'March 14, 2025',
      card_last4: account.card,
      api_key_prefix: 'not my key',
    });
    expect(sent.notice).toBe('identity-answers-enough');
    expect(await levelOf(r.id)).toBe('reasonable');

    // The name must be the request's; the box must be ticked. Neither failure is recorded as a check.
    expect(await declare(r, { fullName: 'Ada Example', declared: '' })).toBe('declaration-tick');
    expect(await declare(r, { fullName: 'Grace Example', declared: 'on' })).toBe('declaration-name');
    expect(await db().verificationCheck.count({ where: { requestId: r.id, method: 'declaration' } })).toBe(0);
    expect(await declare(r, { fullName: ' ada  EXAMPLE. ', declared: 'on' })).toBe('declaration-signed');
    expect(await levelOf(r.id)).toBe('high');
    const declaration = await db().verificationCheck.findFirstOrThrow({
      where: { requestId: r.id, method: 'declaration' },
    });
    expect(Object.keys(declaration.detail as object)).toEqual(['signedAt']);

    await startRequest({ staff: admin, requestId: r.id });
    await closeOpenTasks({ staff: admin, requestId: r.id, reason: 'Not part of this test' });
    await completeRequest({ staff: admin, requestId: r.id, message: 'Your copy is ready.' });
    await packageReady(r.id);
    await requestDownloadLink({ requestId: r.id, statusToken: r.status.token });
    expect(await db().downloadGrant.count({ where: { requestId: r.id } })).toBe(1);
  });

  it('wrong answers reach no level, say not which was wrong, and the page is the same with and without an account', async () => {
    const account = await anAccountHolder();
    const holder = await verified({ jurisdiction: 'US-CA', types: ['deletion'] }, account);
    const stranger = await verified({ jurisdiction: 'US-CA', types: ['deletion'] });
    const wrong = { organization: 'Wombat Holdings', account_created_month: '2019-07', card_last4: '0000' };

    const pages: string[] = [];
    for (const r of [holder, stranger]) {
      const sent = await answer(r, wrong);
      expect(sent.notice).toBe('identity-more-needed');
      expect(await levelOf(r.id)).toBe('email');
      const html = await page(r, sent.location);
      expect(html).toContain('Not enough of your answers matched our records');
      expect(html).not.toMatch(/Wombat|2019-07|organization (was|is) wrong/i);
      pages.push(
        html
          .replaceAll(r.id, 'ID')
          .replaceAll(r.status.token, 'TOKEN')
          .replace(/BR-\d{4}-\d{6}/g, 'REF')
          .replace(/datetime="[^"]*"/gi, 'datetime=""'),
      );
    }
    expect(pages[0]).toBe(pages[1]);
    expect((await attempts(holder.id)).map((e) => e.data)).toEqual([
      { answered: 3, matched: 0, needed: 1, systems: 1 },
    ]);
    expect((await attempts(stranger.id)).map((e) => e.data)).toEqual([
      { answered: 3, matched: 0, needed: 1, systems: 1 },
    ]);
  });

  it('an answer that cannot be read is refused without counting as an attempt', async () => {
    const r = await verified({ jurisdiction: 'US-CA', types: ['deletion'] }, await anAccountHolder());
    expect((await answer(r, { account_created_month: 'a while ago' })).notice).toBe('identity-unreadable');
    expect((await answer(r, {})).notice).toBe('identity-unreadable');
    expect(await attempts(r.id)).toEqual([]);
  });
});

describe('attempts', () => {
  it('are limited per request each hour (429), counted, and never hold the answers', async () => {
    const r = await verified({ jurisdiction: 'US-CA', types: ['deletion'] }, await anAccountHolder());
    expect((await answer(r, { card_last4: '1111' }, '198.51.100.1')).notice).toBe('identity-more-needed');
    expect((await answer(r, { card_last4: '2222' }, '198.51.100.2')).notice).toBe('identity-more-needed');
    expect((await answer(r, { card_last4: '3333' }, '198.51.100.3')).notice).toBe('identity-rate-limited');
    await expect(
      answerIdentityQuestions({
        requestId: r.id,
        statusToken: r.status.token,
        answers: { organization: 'x', account_created_month: '', api_key_prefix: '', card_last4: '' },
        ip: '198.51.100.4',
      }),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect((await attempts(r.id)).map((e) => e.data)).toEqual([
      { answered: 1, matched: 0, needed: 1, systems: 1 },
      { answered: 1, matched: 0, needed: 1, systems: 1 },
    ]);
    const keys = (await db().rateLimit.findMany()).map((row) => row.key).join(' ');
    expect(keys).not.toContain(r.id);
  });

  it('are limited per client address each hour, across requests', async () => {
    const ip = '192.0.2.44';
    const requests = [
      await verified({ jurisdiction: 'US-CA', types: ['deletion'] }, await anAccountHolder()),
      await verified({ jurisdiction: 'US-CA', types: ['deletion'] }, await anAccountHolder()),
      await verified({ jurisdiction: 'US-CA', types: ['deletion'] }, await anAccountHolder()),
    ];
    for (const r of requests.slice(0, 2))
      for (let i = 0; i < 2; i++)
        expect((await answer(r, { card_last4: '9999' }, ip)).notice).toBe('identity-more-needed');
    expect((await answer(requests[2], { card_last4: '9999' }, ip)).notice).toBe('identity-rate-limited');
    expect((await answer(requests[2], { card_last4: '9999' }, '192.0.2.45')).notice).toBe('identity-more-needed');
  });

  it('lock the questions for the request after the last failure allowed; staff are told', async () => {
    const account = await anAccountHolder();
    const r = await verified({ jurisdiction: 'US-CA', types: ['deletion'] }, account);
    expect((await answer(r, { organization: 'Wrong One' })).notice).toBe('identity-more-needed');
    expect((await answer(r, { organization: 'Wrong Two' })).notice).toBe('identity-more-needed');
    await db().rateLimit.deleteMany(); // an hour later
    const last = await answer(r, { organization: 'Wrong Three' });
    expect(last.notice).toBe('identity-locked');

    // Locked: even the right answer is refused now, and nothing more is counted.
    expect((await answer(r, { organization: account.organization })).notice).toBe('identity-locked');
    expect(await levelOf(r.id)).toBe('email');
    expect((await attempts(r.id)).map((e) => e.action)).toEqual([
      'verification.data_points_failed',
      'verification.data_points_failed',
      'verification.data_points_failed',
      'verification.data_points_locked',
    ]);
    const html = await page(r, last.location);
    expect(html).toContain('we no longer ask questions for this request');
    expect(html).not.toContain('Check my answers');

    const notices = await db().outboxEmail.findMany({ where: { template: 'staff-notice', to: admin.email } });
    expect(notices.map((n) => n.subject)).toContainEqual(expect.stringMatching(/^Identity questions locked on BR-/));
    const detail = await getRequestDetail({ staff: admin, requestId: r.id });
    expect(detail.verification.identityQuestions).toEqual({ failures: 3, locked: true });
  });

  it('no answer, right or wrong, and no typed name is stored anywhere in the database', async () => {
    const account = await anAccountHolder();
    const r = await verified({ jurisdiction: 'US-CA', types: ['access'], name: 'Zebedee Quintessa' }, account);
    await answer(r, { organization: 'Marmoset Trading Co', card_last4: '5730' });
    await answer(r, { organization: account.organization, card_last4: account.card });
    expect(await declare(r, { fullName: 'ZEBEDEE  quintessa', declared: 'on' })).toBe('declaration-signed');
    expect(await levelOf(r.id)).toBe('high');

    // (Four-digit cards are left out of the search: any timestamp may hold the same digits.)
    for (const needle of ['Marmoset', 'marmosettradingco', account.organization, 'quokkawidgets'])
      expect(await rowsContaining(needle), needle).toEqual([]);
    // The name typed in the declaration appears nowhere but where the request itself keeps its name.
    expect(await rowsContaining('ZEBEDEE  quintessa')).toEqual([]);
    expect(await rowsContaining('Zebedee Quintessa')).toEqual(['public.privacy_request']);
  });
});
