/**
 * The DRP 1.0 Covered Business API (lib/drp, app/api/drp) on real PostgreSQL: every endpoint, every
 * §3.07 refusal, the requests it files, and the status callbacks with their retries against a real
 * local HTTP receiver. Messages are signed as libsodium's combined mode does (signature ‖ JSON, base64).
 */
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as agentRoute from '../../app/api/drp/v1/agent/[agentId]/route';
import * as statusRoute from '../../app/api/drp/v1/data-rights-request/[requestId]/route';
import * as requestsRoute from '../../app/api/drp/v1/data-rights-request/route';
import { GET as getOpenApi } from '../../app/api/v1/openapi.json/route';
import { requestDeadline } from '../../lib/clock/request-deadline';
import { db } from '../../lib/db';
import { drpTime } from '../../lib/drp/drp-status';
import { listDrpAgents } from '../../lib/drp/list-drp-agents';
import { completeRequest } from '../../lib/requests/staff/complete-request';
import { extendRequestDeadline } from '../../lib/requests/staff/extend-request-deadline';
import { getRequestDetail } from '../../lib/requests/staff/get-request-detail';
import { startRequest } from '../../lib/requests/staff/start-request';
import { saveDrpAgent } from '../../lib/drp/save-drp-agent';
import { hashToken } from '../../lib/security/tokens';
import { verifyRequest } from '../../lib/verification/verify-request';
import { advanceQueueTo, runDueJobs } from '../support/jobs';
import { latestVerificationToken } from '../support/requests';
import { queuedJobs, resetDatabase } from '../support/reset-database';
import { checkedByContract } from '../support/openapi-contract';
import { scopedEnv } from '../support/scoped-env';
import { aStaffMember } from '../support/staff';

// Every answer is checked against the OpenAPI document (tests/support/openapi-contract.ts).
const getAgent = checkedByContract(agentRoute.GET);
const postAgent = checkedByContract(agentRoute.POST);
const getStatus = checkedByContract(statusRoute.GET);
const deleteRequest = checkedByContract(statusRoute.DELETE);
const postRequest = checkedByContract(requestsRoute.POST);

const BASE = 'http://portal.test/api/drp/v1';

type Agent = { id: string; privateKey: KeyObject; verifyKey: string };
function newAgent(id: string): Agent {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  return { id, privateKey, verifyKey: raw.toString('base64') };
}
const AGENT = newAgent('TEST_AA_ONE');
const OTHER = newAgent('TEST_AA_TWO');

function signed(agent: Agent, message: unknown): string {
  const json = Buffer.from(typeof message === 'string' ? message : JSON.stringify(message));
  return Buffer.concat([sign(null, json, agent.privateKey), json]).toString('base64');
}
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
function envelope(agent: Agent, overrides: Record<string, unknown> = {}) {
  return {
    'agent-id': agent.id,
    'business-id': 'BITSTRIDE',
    'issued-at': iso(Date.now() - 1000),
    'expires-at': iso(Date.now() + 10 * 60_000),
    'drp.version': '1.0',
    ...overrides,
  };
}
let counter = 0;
function exercise(agent: Agent, overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    ...envelope(agent),
    exercise: 'access',
    regime: 'ccpa',
    name: 'Lovelace, Ada',
    email: `drp.${counter}.${Date.now()}@example.com`,
    email_verified: true,
    'agent-request-id': `agent-req-${counter}`,
    ...overrides,
  };
}

const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const pair = (agentId: string, body: string) =>
  postAgent(
    new Request(`${BASE}/agent/${agentId}`, { method: 'POST', body, headers: { 'content-type': 'text/plain' } }),
    params({ agentId }),
  );
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const file = (token: string, body: string) =>
  postRequest(
    new Request(`${BASE}/data-rights-request`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/plain', ...bearer(token) },
    }),
  );
const status = (token: string, requestId: string) =>
  getStatus(new Request(`${BASE}/data-rights-request/${requestId}`, { headers: bearer(token) }), params({ requestId }));
// OSIRAA's revoke carries no Content-Type.
const revoke = (token: string, requestId: string, body: string) =>
  deleteRequest(
    new Request(`${BASE}/data-rights-request/${requestId}`, { method: 'DELETE', body, headers: bearer(token) }),
    params({ requestId }),
  );

async function paired(agent: Agent): Promise<string> {
  const res = await pair(agent.id, signed(agent, envelope(agent)));
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

const settings = scopedEnv(['DRP_ENABLED', 'DRP_BUSINESS_ID', 'DRP_AGENTS', 'DRP_RATE_LIMIT_PER_AGENT']);
function configure(extra: Record<string, string> = {}, allowPrivateNetworks = false) {
  settings.set({
    DRP_ENABLED: 'true',
    DRP_BUSINESS_ID: 'BITSTRIDE',
    DRP_AGENTS: JSON.stringify([
      { id: AGENT.id, name: 'Agent One', verifyKey: AGENT.verifyKey, allowPrivateNetworks },
      { id: OTHER.id, name: 'Agent Two', verifyKey: OTHER.verifyKey },
    ]),
    // Read once per process (the limiter is built on first use): every test stays far below it.
    DRP_RATE_LIMIT_PER_AGENT: '20',
    ...extra,
  });
}

beforeEach(async () => {
  await resetDatabase();
  await db().$executeRawUnsafe('TRUNCATE drp_request, drp_signed_message, drp_agent CASCADE');
  configure();
});
afterEach(() => settings.restore());

describe('POST /v1/agent/{agent-id} (pair-wise key setup)', () => {
  it('answers {agent-id, token} and keeps only the token’s hash', async () => {
    const res = await pair(AGENT.id, signed(AGENT, envelope(AGENT)));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ 'agent-id': AGENT.id, token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const row = await db().drpAgent.findUniqueOrThrow({ where: { id: AGENT.id } });
    expect(row.tokenHash).toBe(hashToken(body.token));
    expect(JSON.stringify(row)).not.toContain(body.token);
    expect(await db().auditEvent.count({ where: { action: 'drp.agent.paired' } })).toBe(1);
  });

  it.each([
    ['a bad signature', () => signed(OTHER, envelope(AGENT)), AGENT.id],
    ['an unknown agent', () => signed(AGENT, envelope(AGENT, { 'agent-id': 'NOBODY' })), 'NOBODY'],
    ['an agent-id unlike the URL’s', () => signed(AGENT, envelope(OTHER)), AGENT.id],
    ['another business', () => signed(AGENT, envelope(AGENT, { 'business-id': 'ACME' })), AGENT.id],
    [
      'issued in the future',
      () => signed(AGENT, envelope(AGENT, { 'issued-at': iso(Date.now() + 5 * 60_000) })),
      AGENT.id,
    ],
    ['expired', () => signed(AGENT, envelope(AGENT, { 'expires-at': iso(Date.now() - 1000) })), AGENT.id],
    ['a time without offset', () => signed(AGENT, envelope(AGENT, { 'issued-at': '2026-01-01T00:00:00' })), AGENT.id],
    ['not base64', () => 'not base64 at all!', AGENT.id],
    ['malformed JSON', () => signed(AGENT, '{"agent-id": '), AGENT.id],
  ])('answers 403 with no body for %s, and issues no token', async (_case, body, agentId) => {
    const res = await pair(agentId, body());
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('');
    expect(await db().drpAgent.count({ where: { tokenHash: { not: null } } })).toBe(0);
  });

  it('refuses a replayed pairing message', async () => {
    const body = signed(AGENT, envelope(AGENT));
    expect((await pair(AGENT.id, body)).status).toBe(200);
    const replay = await pair(AGENT.id, body);
    expect(replay.status).toBe(403);
  });

  it('refuses a disabled agent, and pairing again ends the old token', async () => {
    const first = await paired(AGENT);
    const second = await paired(AGENT);
    const getOwn = (token: string) =>
      getAgent(new Request(`${BASE}/agent/${AGENT.id}`, { headers: bearer(token) }), params({ agentId: AGENT.id }));
    expect((await getOwn(first)).status).toBe(403);
    expect((await getOwn(second)).status).toBe(200);
    await db().drpAgent.update({ where: { id: AGENT.id }, data: { enabled: false } });
    expect((await getOwn(second)).status).toBe(403);
    expect((await pair(AGENT.id, signed(AGENT, envelope(AGENT)))).status).toBe(403);
  });

  it('answers 404 while DRP is off', async () => {
    settings.set({});
    expect((await pair(AGENT.id, signed(AGENT, envelope(AGENT)))).status).toBe(404);
  });
});

describe('GET /v1/agent/{agent-id} (agent information)', () => {
  it('answers {} for the token’s own agent and 403 for another agent or no token', async () => {
    const token = await paired(AGENT);
    const get = (agentId: string, headers: Record<string, string>) =>
      getAgent(new Request(`${BASE}/agent/${agentId}`, { headers }), params({ agentId }));
    const own = await get(AGENT.id, bearer(token));
    expect(own.status).toBe(200);
    expect(await own.json()).toEqual({});
    const other = await get(OTHER.id, bearer(token));
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({ code: '403' });
    expect((await get(AGENT.id, {})).status).toBe(403);
    expect((await get(AGENT.id, bearer('x'.repeat(43)))).status).toBe(403);
  });

  it('limits each agent’s calls per hour', async () => {
    const token = await paired(AGENT);
    const get = () =>
      getAgent(new Request(`${BASE}/agent/${AGENT.id}`, { headers: bearer(token) }), params({ agentId: AGENT.id }));
    for (let call = 2; call <= 20; call += 1) expect((await get()).status).toBe(200);
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ code: '429' });
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('POST /v1/data-rights-request (exercise)', () => {
  it('files an access request as an ordinary request, open until the person confirms', async () => {
    const token = await paired(AGENT);
    const message = exercise(AGENT);
    const res = await file(token, signed(AGENT, message));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(
      [
        'agent_request_id',
        'expected_by',
        'expires_at',
        'processing_details',
        'reason',
        'received_at',
        'request_id',
        'status',
        'user_verification_url',
      ].sort(),
    );
    expect(body).toMatchObject({
      status: 'open',
      reason: 'need_user_verification',
      agent_request_id: message['agent-request-id'],
    });
    expect(Object.values(body).every((v) => v !== null && v !== '')).toBe(true);
    for (const field of ['received_at', 'expected_by', 'expires_at'])
      expect(body[field]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/);

    const drp = await db().drpRequest.findUniqueOrThrow({ where: { id: body.request_id }, include: { request: true } });
    const request = drp.request!;
    expect(request).toMatchObject({ channel: 'drp', status: 'unverified', jurisdiction: 'US-CA', types: ['access'] });
    expect(request.details).toContain('Agent One');
    expect(drp.claims).toEqual({ claims: ['name', 'email'], agentVerified: ['email_verified'] });
    // The deadline engine's due date; the person, not the agent, gets the verification link.
    expect(body.expected_by).toBe(drpTime(requestDeadline(request).dueAt));
    expect(await db().outboxEmail.count({ where: { to: message.email, requestId: request.id } })).toBe(1);
    const url = new URL(body.user_verification_url);
    expect(url.origin).toBe('http://portal.test');
    expect(url.pathname).toBe(`/submitted/${request.id}`);
    expect(hashToken(url.searchParams.get('token')!)).toBe(request.submissionTokenHash);
    expect(
      await db().auditEvent.count({
        where: { requestId: request.id, action: { in: ['request.submitted', 'drp.request.received'] } },
      }),
    ).toBe(2);

    // Staff see the agent and the channel on the request.
    const reviewer = await aStaffMember('reviewer');
    const detail = await getRequestDetail({
      staff: { id: reviewer.id, email: reviewer.email, name: reviewer.name, role: 'reviewer' },
      requestId: request.id,
    });
    expect(detail).toMatchObject({
      channel: 'drp',
      drp: { agentId: AGENT.id, agentName: 'Agent One', exercise: 'access', regime: 'ccpa' },
    });

    // The person confirms from their own inbox: in progress.
    await verifyRequest({ token: await latestVerificationToken(message.email) });
    const after = await (await status(token, body.request_id)).json();
    expect(after).toMatchObject({ status: 'in_progress', reason: 'none', request_id: body.request_id });
    expect(after).not.toHaveProperty('results_url');
  });

  it('acts on sale:opt-out at receipt (either spelling), and maps voluntary and access:categories', async () => {
    const token = await paired(AGENT);
    const optOut = await (await file(token, signed(AGENT, exercise(AGENT, { exercise: 'sale:opt_out' })))).json();
    expect(optOut).toMatchObject({ status: 'in_progress', reason: 'none' });
    const optOutRow = await db().drpRequest.findUniqueOrThrow({
      where: { id: optOut.request_id },
      include: { request: true },
    });
    expect(optOutRow.request).toMatchObject({ types: ['opt_out_sale'], status: 'in_progress' });

    const categories = await (
      await file(token, signed(AGENT, exercise(AGENT, { exercise: 'access:categories', regime: undefined })))
    ).json();
    const row = await db().drpRequest.findUniqueOrThrow({
      where: { id: categories.request_id },
      include: { request: true },
    });
    expect(row.request).toMatchObject({ types: ['access'], jurisdiction: 'US-OTHER' });
    expect(row.request?.details).toContain('categories of personal information only');
  });

  it('records sale:opt-in and says honestly what it does', async () => {
    const token = await paired(AGENT);
    const res = await file(token, signed(AGENT, exercise(AGENT, { exercise: 'sale:opt-in' })));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'denied', reason: 'claim_not_covered' });
    expect(body.processing_details).toMatch(/do not sell or share/);
    expect(await db().privacyRequest.count()).toBe(0);
    expect(await db().auditEvent.count({ where: { action: 'drp.request.received' } })).toBe(1);
    expect((await status(token, body.request_id)).status).toBe(200);
  });

  it.each([
    ['a bad signature', (_a: Agent) => signed(OTHER, exercise(AGENT)), 403],
    ['another agent’s message on this token', () => signed(OTHER, exercise(OTHER)), 403],
    ['another business', () => signed(AGENT, exercise(AGENT, { 'business-id': 'ACME' })), 403],
    ['issued in the future', () => signed(AGENT, exercise(AGENT, { 'issued-at': iso(Date.now() + 5 * 60_000) })), 403],
    ['expired', () => signed(AGENT, exercise(AGENT, { 'expires-at': iso(Date.now() - 1000) })), 403],
    [
      'a lifetime over an hour',
      () => signed(AGENT, exercise(AGENT, { 'expires-at': iso(Date.now() + 2 * 3600_000) })),
      403,
    ],
    ['not base64', () => '%%%', 403],
    ['malformed JSON', () => signed(AGENT, '{"exercise": "access",'), 400],
    ['an unknown exercise', () => signed(AGENT, exercise(AGENT, { exercise: 'teleport' })), 400],
    ['no email claim', () => signed(AGENT, exercise(AGENT, { email: undefined })), 400],
    ['an oversized body', () => 'A'.repeat(70 * 1024), 413],
  ])('refuses %s with a §3.06 error and files nothing', async (_case, body, code) => {
    const token = await paired(AGENT);
    const res = await file(token, body(AGENT));
    expect(res.status).toBe(code);
    expect(await res.json()).toMatchObject({ code: String(code), message: expect.any(String) });
    expect(await db().privacyRequest.count()).toBe(0);
    expect(await db().drpRequest.count()).toBe(0);
  });

  it('refuses a replayed exercise and a request without a valid token', async () => {
    const token = await paired(AGENT);
    const body = signed(AGENT, exercise(AGENT));
    expect((await file(token, body)).status).toBe(200);
    const replay = await file(token, body);
    expect(replay.status).toBe(403);
    expect(await replay.json()).toMatchObject({ code: '403', fatal: true });
    expect((await file('y'.repeat(43), signed(AGENT, exercise(AGENT)))).status).toBe(403);
    expect(await db().drpRequest.count()).toBe(1);
  });
});

describe('the status follows the request', () => {
  it('asks for more proof where the law does: a California deletion after the email is confirmed', async () => {
    const token = await paired(AGENT);
    const message = exercise(AGENT, { exercise: 'deletion' });
    const filed = await (await file(token, signed(AGENT, message))).json();
    expect(filed).toMatchObject({ status: 'open', reason: 'need_user_verification' });
    await verifyRequest({ token: await latestVerificationToken(message.email) });
    const after = await (await status(token, filed.request_id)).json();
    expect(after).toMatchObject({ status: 'in_progress', reason: 'need_user_verification' });
    expect(after.processing_details).toMatch(/must still prove who they are/);
  });

  it('shows an extension in expected_by and processing_details, then fulfilled with results_url', async () => {
    const token = await paired(AGENT);
    const message = exercise(AGENT);
    const filed = await (await file(token, signed(AGENT, message))).json();
    await verifyRequest({ token: await latestVerificationToken(message.email) });
    const drp = await db().drpRequest.findUniqueOrThrow({ where: { id: filed.request_id } });
    const user = await aStaffMember('reviewer');
    const staff = { id: user.id, email: user.email, name: user.name, role: 'reviewer' as const };
    const before = await (await status(token, filed.request_id)).json();
    const reason = 'The request covers several systems and a large volume of data.';
    await extendRequestDeadline({ staff, requestId: drp.requestId!, reason });
    const extended = await (await status(token, filed.request_id)).json();
    expect(Date.parse(extended.expected_by)).toBeGreaterThan(Date.parse(before.expected_by));
    expect(extended.processing_details).toContain(reason);

    await startRequest({ staff, requestId: drp.requestId! });
    await db().fulfilmentTask.updateMany({
      where: { requestId: drp.requestId! },
      data: { status: 'done', completedAt: new Date() },
    });
    await completeRequest({ staff, requestId: drp.requestId!, message: 'Here is what we hold.' });
    const done = await (await status(token, filed.request_id)).json();
    expect(done).toMatchObject({ status: 'fulfilled', reason: 'none' });
    expect(done.results_url).toBe(done.user_verification_url);
  });
});

describe('GET and DELETE /v1/data-rights-request/{request_id}', () => {
  it('answers only the agent that filed the request', async () => {
    const mine = await paired(AGENT);
    const theirs = await paired(OTHER);
    const filed = await (await file(mine, signed(AGENT, exercise(AGENT)))).json();
    expect((await status(mine, filed.request_id)).status).toBe(200);
    const peek = await status(theirs, filed.request_id);
    expect(peek.status).toBe(403);
    expect(await peek.json()).toMatchObject({ code: '403' });
    expect((await status(mine, 'not-a-uuid')).status).toBe(403);
    expect((await revoke(theirs, filed.request_id, signed(OTHER, { reason: 'mine now' }))).status).toBe(403);
    expect(
      (await db().drpRequest.findUniqueOrThrow({ where: { id: filed.request_id }, include: { request: true } })).request
        ?.status,
    ).toBe('unverified');
  });

  it('revokes: the request is withdrawn, audited, and the answer carries revoked', async () => {
    const token = await paired(AGENT);
    const filed = await (await file(token, signed(AGENT, exercise(AGENT)))).json();
    expect((await revoke(token, filed.request_id, signed(OTHER, { reason: 'x' }))).status).toBe(403);
    const res = await revoke(token, filed.request_id, signed(AGENT, { reason: 'I changed my mind' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ request_id: filed.request_id, status: 'revoked' });
    const drp = await db().drpRequest.findUniqueOrThrow({
      where: { id: filed.request_id },
      include: { request: true },
    });
    expect(drp.request).toMatchObject({ status: 'withdrawn' });
    expect(await db().auditEvent.count({ where: { requestId: drp.requestId, action: 'request.withdrawn' } })).toBe(1);
    expect((await revoke(token, filed.request_id, signed(AGENT, 'not json'))).status).toBe(400);
  });
});

describe('status callbacks', () => {
  let receiver: http.Server;
  const received: { status: string }[] = [];
  let answers: number[] = [];
  let callbackUrl = '';
  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let text = '';
      req.on('data', (c) => {
        text += c;
      });
      req.on('end', () => {
        received.push(JSON.parse(text));
        res.statusCode = answers.shift() ?? 200;
        res.end('ignored');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/update_status`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));
  beforeEach(() => {
    received.length = 0;
    answers = [];
  });

  async function fileAndConfirm() {
    const token = await paired(AGENT);
    const message = exercise(AGENT, { status_callback: callbackUrl });
    const filed = await (await file(token, signed(AGENT, message))).json();
    await verifyRequest({ token: await latestVerificationToken(message.email) });
    return filed.request_id as string;
  }

  it('retries, with backoff, until the agent answers 200', async () => {
    configure({}, true);
    const id = await fileAndConfirm();
    const [job] = await queuedJobs('send-drp-status-callback');
    expect(job.key).toBe(`drp-callback:${id}`);
    answers = [500];
    const attempted = Date.now();
    await runDueJobs();
    expect(received).toHaveLength(1);
    const [retry] = await queuedJobs('send-drp-status-callback');
    expect(retry.attempts).toBe(1);
    // graphile-worker's backoff: e^attempts seconds after the failure (not "after now", which a slow
    // machine can pass before this line runs).
    expect(retry.run_at.getTime()).toBeGreaterThan(attempted + 2000);
    await advanceQueueTo(new Date(Date.now() + 3600_000));
    await runDueJobs();
    expect(received).toHaveLength(2);
    expect(received[1]).toMatchObject({ request_id: id, status: 'in_progress' });
    expect(await queuedJobs('send-drp-status-callback')).toHaveLength(0);
    expect(await db().auditEvent.count({ where: { action: 'drp.callback.sent' } })).toBe(1);
  });

  it('gives up after a bounded number of attempts', async () => {
    configure({}, true);
    await fileAndConfirm();
    answers = Array(20).fill(503);
    for (let i = 0; i < 10; i += 1) {
      await advanceQueueTo(new Date(Date.now() + 24 * 3600_000));
      await runDueJobs();
    }
    expect(received).toHaveLength(8);
    expect(await db().auditEvent.count({ where: { action: 'drp.callback.failed' } })).toBe(1);
  });

  it('never calls a private address unless the agent’s record allows it', async () => {
    await fileAndConfirm();
    await runDueJobs();
    expect(received).toHaveLength(0);
    expect(await db().auditEvent.count({ where: { action: 'drp.callback.refused' } })).toBe(1);
    // A refusal is final: the job ends without a retry, so nothing is left to run, even a day later.
    await advanceQueueTo(new Date(Date.now() + 24 * 3600_000));
    await runDueJobs();
    expect(received).toHaveLength(0);
    expect(await queuedJobs('send-drp-status-callback')).toHaveLength(0);
  });
});

describe('agents managed by admins', () => {
  const asStaff = (user: {
    id: string;
    email: string;
    name: string | null;
    role: 'admin' | 'reviewer' | 'viewer';
  }) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
  });

  it('lets an admin add an agent, which can then pair; a new key ends its token; all audited', async () => {
    const admin = asStaff(await aStaffMember('admin'));
    const added = newAgent('ADDED_BY_ADMIN');
    const input = { id: added.id, name: 'Added', verifyKey: added.verifyKey, enabled: 'on', allowPrivateNetwork: '' };
    await saveDrpAgent({ staff: admin, input });
    const token = await paired(added);
    const getOwn = () =>
      getAgent(new Request(`${BASE}/agent/${added.id}`, { headers: bearer(token) }), params({ agentId: added.id }));
    expect((await getOwn()).status).toBe(200);

    const rotated = newAgent(added.id);
    await saveDrpAgent({ staff: admin, input: { ...input, verifyKey: rotated.verifyKey } });
    expect((await getOwn()).status).toBe(403);
    expect((await pair(added.id, signed(added, envelope(added)))).status).toBe(403);
    expect((await pair(added.id, signed(rotated, envelope(rotated)))).status).toBe(200);
    const events = await db().auditEvent.findMany({
      where: { action: { in: ['drp.agent.created', 'drp.agent.updated'] }, actorId: admin.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(events.map((e) => [e.action, (e.data as { keyChanged: boolean }).keyChanged])).toEqual([
      ['drp.agent.created', false],
      ['drp.agent.updated', true],
    ]);
    const listed = await listDrpAgents({ staff: admin });
    expect(listed.map((a) => a.id)).toEqual(['ADDED_BY_ADMIN', AGENT.id, OTHER.id].sort());
    expect(JSON.stringify(listed)).not.toContain(token);
  });

  it('refuses staff without the permission, and a key that is not Ed25519', async () => {
    const reviewer = asStaff(await aStaffMember('reviewer'));
    const admin = asStaff(await aStaffMember('admin'));
    const input = {
      id: 'X_AGENT',
      name: 'X',
      verifyKey: newAgent('X').verifyKey,
      enabled: 'on',
      allowPrivateNetwork: '',
    };
    await expect(saveDrpAgent({ staff: reviewer, input })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listDrpAgents({ staff: reviewer })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      saveDrpAgent({ staff: admin, input: { ...input, verifyKey: `${'A'.repeat(42)}B=` } }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await db().drpAgent.count()).toBe(0);
  });

  it('lets an admin disable an agent from DRP_AGENTS but not change its key', async () => {
    const admin = asStaff(await aStaffMember('admin'));
    const token = await paired(AGENT);
    await saveDrpAgent({
      staff: admin,
      input: { id: AGENT.id, name: 'Renamed', verifyKey: OTHER.verifyKey, enabled: '', allowPrivateNetwork: 'on' },
    });
    const row = await db().drpAgent.findUniqueOrThrow({ where: { id: AGENT.id } });
    expect(row).toMatchObject({ enabled: false, verifyKey: AGENT.verifyKey, name: 'Agent One', tokenHash: null });
    expect((await status(token, '00000000-0000-4000-8000-000000000000')).status).toBe(403);
  });
});

describe('the API document', () => {
  it('lists every DRP endpoint with the status object’s required fields', async () => {
    const doc = await (await getOpenApi()).json();
    const operations = (path: string) => Object.keys(doc.paths[path] ?? {}).filter((k) => k !== 'parameters');
    expect(operations('/api/drp/v1/agent/{agent-id}').sort()).toEqual(['get', 'post']);
    expect(operations('/api/drp/v1/data-rights-request')).toEqual(['post']);
    expect(operations('/api/drp/v1/data-rights-request/{request_id}').sort()).toEqual(['delete', 'get']);
    const status =
      doc.paths['/api/drp/v1/data-rights-request'].post.responses['200'].content['application/json'].schema;
    expect(status.required).toEqual(
      expect.arrayContaining(['request_id', 'status', 'reason', 'received_at', 'expected_by', 'expires_at']),
    );
  });
});

describe('the answers the document states beyond the happy path', () => {
  it('every operation answers 404 while the DRP API is off', async () => {
    configure({ DRP_ENABLED: 'false' });
    const token = 'x'.repeat(43);
    const id = '00000000-0000-4000-8000-000000000000';
    const answers = [
      await getAgent(
        new Request(`${BASE}/agent/${AGENT.id}`, { headers: bearer(token) }),
        params({ agentId: AGENT.id }),
      ),
      await file(token, signed(AGENT, exercise(AGENT))),
      await status(token, id),
      await revoke(token, id, signed(AGENT, envelope(AGENT))),
    ];
    expect(answers.map((res) => res.status)).toEqual([404, 404, 404, 404]);
  });

  it('a revoke with an oversized body is 413; past the agent’s hourly limit, status and revoke are 429', async () => {
    const token = await paired(AGENT);
    const filed = await file(token, signed(AGENT, exercise(AGENT)));
    expect(filed.status).toBe(200);
    const { request_id: requestId } = (await filed.json()) as { request_id: string };
    expect((await revoke(token, requestId, 'A'.repeat(70 * 1024))).status).toBe(413);
    // Pairing, filing and the revoke used three of the agent's 20 calls this hour.
    for (let call = 4; call <= 20; call += 1) expect((await status(token, requestId)).status).toBe(200);
    const answers = [
      await status(token, requestId),
      await revoke(token, requestId, signed(AGENT, envelope(AGENT))),
      await file(token, signed(AGENT, exercise(AGENT))),
    ];
    expect(answers.map((res) => res.status)).toEqual([429, 429, 429]);
  });
});
