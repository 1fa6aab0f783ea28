/**
 * Global Privacy Control end to end on real PostgreSQL: server API keys (create, authenticate,
 * scopes, rotate, revoke, audited), POST /api/v1/opt-outs (201 then 200 with the same request, every
 * bad input a 422 naming its field, 401/403/415/400, the per-key limit), the request form's post with
 * Sec-GPC or the script's field recording one opt-out per person, and the records and §7102 report
 * counting opt-outs by channel.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GET as gpcJson } from '../../app/.well-known/gpc.json/route';
import { POST as requestFormPost } from '../../app/(public)/route';
import { POST as optOutsRoute } from '../../app/api/v1/opt-outs/route';
import { formStartedStamp } from '../../lib/abuse/form-guard';
import { authenticateApiKey } from '../../lib/api-keys/authenticate-api-key';
import { createApiKey } from '../../lib/api-keys/create-api-key';
import { revokeApiKey } from '../../lib/api-keys/revoke-api-key';
import { rotateApiKey } from '../../lib/api-keys/rotate-api-key';
import { db, disconnectDb } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { getCcpaReport } from '../../lib/metrics/ccpa-report';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { exportRecords } from '../../lib/records/export-records';
import { submitRequest } from '../../lib/requests/submit-request';
import { hashToken } from '../../lib/security/tokens';
import { seededInventory } from '../support/fulfilment';
import { resetDatabase } from '../support/reset-database';
import { aRequest } from '../support/requests';
import { checkedByContract } from '../support/openapi-contract';
import { scopedEnv } from '../support/scoped-env';
import { aStaffIdentity } from '../support/staff';

// Every answer is checked against the OpenAPI document (tests/support/openapi-contract.ts).
const postOptOut = checkedByContract(optOutsRoute);

let admin: StaffIdentity;
let reviewer: StaffIdentity;
const settings = scopedEnv(['RATE_LIMITS', 'RATE_LIMIT_OPT_OUTS_PER_KEY', 'FORM_MIN_FILL_SECONDS']);

beforeEach(async () => {
  await resetDatabase();
  admin = await aStaffIdentity('admin');
  reviewer = await aStaffIdentity('reviewer');
  await seededInventory();
});
afterEach(() => settings.restore());

let counter = 0;
const email = () => `gpc${++counter}.${Date.now()}@example.com`;

function report(key: string | null, body: unknown, contentType = 'application/json') {
  return postOptOut(
    new Request('http://portal.test/api/v1/opt-outs', {
      method: 'POST',
      headers: { 'content-type': contentType, ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

const aReport = (overrides: Record<string, unknown> = {}) => ({
  email: email(),
  accountId: 'acct_123',
  signal: 'gpc',
  property: 'website',
  observedAt: new Date(Date.now() - 60_000).toISOString(),
  ...overrides,
});

async function aKey() {
  return (await createApiKey({ staff: admin, input: { name: 'Website', scopes: ['opt-outs:write'] } })).key;
}

function formPost(fields: Record<string, string | string[]>, headers: Record<string, string> = {}) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) body.append(k, value);
  body.append('formStartedAt', formStartedStamp(new Date(Date.now() - 60_000)));
  return requestFormPost(
    new Request('http://portal.test/', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    }),
  );
}

describe('server API keys', () => {
  it('are created by admins only, shown once and stored as a SHA-256, and authenticate with their scope', async () => {
    await expect(
      createApiKey({ staff: reviewer, input: { name: 'Website', scopes: ['opt-outs:write'] } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createApiKey({ staff: admin, input: { name: '', scopes: [] } })).rejects.toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({ path: ['name'] }),
        expect.objectContaining({ path: ['scopes'] }),
      ]),
    });

    const created = await createApiKey({ staff: admin, input: { name: 'Website', scopes: ['opt-outs:write'] } });
    expect(created.key).toMatch(/^bsk_[a-f0-9]{12}_[A-Za-z0-9_-]{43}$/);
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: created.id } });
    const secret = created.key.split('_').slice(2).join('_');
    expect(row.secretHash).toBe(hashToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row).toMatchObject({ prefix: created.prefix, scopes: ['opt-outs:write'], createdById: admin.id });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'api-key.created' } });
    expect(audit).toMatchObject({ actorType: 'staff', actorId: admin.id });
    expect(JSON.stringify(audit.data)).not.toContain(secret);

    expect(row.lastUsedAt).toBeNull();
    const used = await authenticateApiKey({ authorization: `Bearer ${created.key}`, scope: 'opt-outs:write' });
    expect(used).toMatchObject({ id: created.id, prefix: created.prefix });
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).not.toBeNull();

    // A wrong secret under a real prefix, a malformed key, no header: the same 401.
    for (const authorization of [`Bearer bsk_${created.prefix}_${'A'.repeat(43)}`, 'Bearer nope', null])
      await expect(authenticateApiKey({ authorization, scope: 'opt-outs:write' })).rejects.toMatchObject({
        code: 'UNAUTHORIZED',
      });
    // A key without the scope: 403.
    await db().apiKey.update({ where: { id: created.id }, data: { scopes: ['staff:read'] } });
    await expect(
      authenticateApiKey({ authorization: `Bearer ${created.key}`, scope: 'opt-outs:write' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('rotate into a new key that names the old one, which stops working; revoked keys stop at once', async () => {
    const first = await createApiKey({ staff: admin, input: { name: 'Console', scopes: ['opt-outs:write'] } });
    await expect(rotateApiKey({ staff: reviewer, input: { keyId: first.id } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const second = await rotateApiKey({ staff: admin, input: { keyId: first.id } });
    expect(second).toMatchObject({ name: 'Console', scopes: ['opt-outs:write'], rotatedFromId: first.id });
    expect((await report(first.key, aReport())).status).toBe(401);
    expect((await report(second.key, aReport())).status).toBe(201);
    await expect(rotateApiKey({ staff: admin, input: { keyId: first.id } })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    await expect(revokeApiKey({ staff: reviewer, input: { keyId: second.id } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await revokeApiKey({ staff: admin, input: { keyId: second.id } });
    expect((await report(second.key, aReport())).status).toBe(401);
    const actions = (await db().auditEvent.findMany({ where: { action: { startsWith: 'api-key.' } } })).map(
      (e) => e.action,
    );
    expect(actions.sort()).toEqual(['api-key.created', 'api-key.revoked', 'api-key.rotated']);
  });
});

describe('POST /api/v1/opt-outs', () => {
  it('records an opt-out of sale/sharing acted on at receipt (201), and the same request on a repeat (200)', async () => {
    const key = await aKey();
    const body = aReport();
    const first = await report(key, body);
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created).toMatchObject({ status: 'in_progress', type: 'opt_out_sale', signal: 'gpc' });

    const request = await db().privacyRequest.findUniqueOrThrow({
      where: { id: created.id },
      include: { tasks: { include: { system: true } }, optOutSignals: true },
    });
    expect(request).toMatchObject({
      types: ['opt_out_sale'],
      status: 'in_progress',
      channel: 'api',
      jurisdiction: 'US-CA',
    });
    // Tasks go to the systems of the inventory that stop sale/sharing.
    expect(request.tasks.length).toBeGreaterThan(0);
    expect(request.tasks.every((t) => t.type === 'stop_sale')).toBe(true);
    expect(request.optOutSignals).toEqual([
      expect.objectContaining({
        source: 'property',
        property: 'website',
        signal: 'gpc',
        accountHash: expect.any(String),
      }),
    ]);
    expect(JSON.stringify(request.optOutSignals)).not.toContain('acct_123');
    expect(await db().outboxEmail.count({ where: { to: body.email, template: 'opt-out-received' } })).toBe(1);

    const again = await report(key, { ...body, email: body.email.toUpperCase(), observedAt: new Date().toISOString() });
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(created.id);
    expect(await db().privacyRequest.count({ where: { email: body.email } })).toBe(1);
  });

  it('answers every bad input with its own error', async () => {
    const key = await aKey();
    expect((await report(null, aReport())).status).toBe(401);
    expect((await report(key, aReport(), 'text/plain')).status).toBe(415);
    expect((await report(key, '{"email":')).status).toBe(400);
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'not-an-email' }, 'email'],
      [{ signal: 'dnt' }, 'signal'],
      [{ property: 'Web Site!' }, 'property'],
      [{ observedAt: 'yesterday' }, 'observedAt'],
      [{ observedAt: new Date(Date.now() + 3_600_000).toISOString() }, 'observedAt'],
      [{ jurisdiction: 'EU' }, 'jurisdiction'],
      [{ accountId: '' }, 'accountId'],
    ];
    for (const [change, field] of cases) {
      const res = await report(key, aReport(change));
      expect(res.status, JSON.stringify(change)).toBe(422);
      expect(Object.keys((await res.json()).error.fields), JSON.stringify(change)).toContain(field);
    }
    const unknown = await report(key, { ...aReport(), extra: 1 });
    expect(unknown.status).toBe(422);
    const { email: _, ...withoutEmail } = aReport();
    expect(Object.keys((await (await report(key, withoutEmail)).json()).error.fields)).toContain('email');
    expect(await db().optOutSignal.count()).toBe(0);
  });

  it('is limited per key', async () => {
    settings.set({ RATE_LIMITS: 'true', RATE_LIMIT_OPT_OUTS_PER_KEY: '2' });
    const key = await aKey();
    const other = await aKey();
    expect((await report(key, aReport())).status).toBe(201);
    expect((await report(key, aReport())).status).toBe(201);
    const limited = await report(key, aReport());
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await report(other, aReport())).status).toBe(201);
  });
});

describe('the request form with Global Privacy Control', () => {
  const fields = (address: string, jurisdiction = 'US-CA') => ({
    email: address,
    name: 'Grace Example',
    jurisdiction,
    types: ['access'],
    confirm: 'on',
  });

  it('records one opt-out of sale/sharing beside the request, from the header or the script’s field', async () => {
    settings.set({ FORM_MIN_FILL_SECONDS: '0' });
    const address = email();
    expect((await formPost(fields(address), { 'sec-gpc': '1' })).status).toBe(303);
    const requests = await db().privacyRequest.findMany({
      where: { email: address },
      include: { optOutSignals: true },
    });
    expect(requests.map((r) => r.types).sort()).toEqual([['access'], ['opt_out_sale']]);
    const optOut = requests.find((r) => r.types.includes('opt_out_sale'))!;
    expect(optOut).toMatchObject({ status: 'in_progress', channel: 'web' });
    expect(optOut.optOutSignals).toEqual([expect.objectContaining({ source: 'form', property: 'portal' })]);

    // Again, by the script's field this time: the same person's signal is not recorded twice.
    expect((await formPost({ ...fields(address), gpc: '1' })).status).toBe(303);
    expect(await db().privacyRequest.count({ where: { email: address, types: { has: 'opt_out_sale' } } })).toBe(1);
    expect(await db().privacyRequest.count({ where: { email: address } })).toBe(3);

    const byScript = email();
    expect((await formPost({ ...fields(byScript, 'US-CO'), gpc: '1' })).status).toBe(303);
    expect(await db().optOutSignal.count({ where: { request: { email: byScript, jurisdiction: 'US-CO' } } })).toBe(1);
  });

  it('records nothing more without the signal, where the regime has no opt-out of sale, or when it is asked for', async () => {
    settings.set({ FORM_MIN_FILL_SECONDS: '0' });
    const without = email();
    const uk = email();
    const asked = email();
    await formPost(fields(without));
    await formPost(fields(uk, 'UK'), { 'sec-gpc': '1' });
    await formPost({ ...fields(asked), types: ['opt_out_sale'] }, { 'sec-gpc': '1' });
    await formPost(fields(email()), { 'sec-gpc': '0' });
    expect(await db().privacyRequest.count({ where: { email: { in: [without, uk] } } })).toBe(2);
    expect(await db().privacyRequest.count({ where: { email: asked } })).toBe(1);
    expect(await db().optOutSignal.count()).toBe(0);
  });
});

describe('records and §7102 metrics', () => {
  it('count opt-outs by channel: the form, GPC with the form, GPC reported by a property', async () => {
    settings.set({ FORM_MIN_FILL_SECONDS: '0' });
    const now = new Date();
    await submitRequest({ input: aRequest({ types: ['opt_out_sale'], jurisdiction: 'US-CA' }), channel: 'web', now });
    await formPost(fields2(email()), { 'sec-gpc': '1' });
    expect((await report(await aKey(), aReport({ property: 'console' }))).status).toBe(201);

    const year = Number(
      new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone: 'America/Los_Angeles' }).format(now),
    );
    const ccpa = await getCcpaReport({ staff: admin, year });
    expect(ccpa.optOutChannels).toEqual({ form: 1, gpcForm: 1, gpcProperty: 1 });
    expect(ccpa.rows.find((r) => r.category === 'opt_out')?.received).toBe(3);

    let csv = '';
    for await (const chunk of exportRecords({
      staff: admin,
      from: new Date(now.getTime() - 86_400_000),
      to: new Date(now.getTime() + 86_400_000),
    }))
      csv += chunk;
    expect(csv).toContain('Global Privacy Control (web form)');
    expect(csv).toContain('Global Privacy Control (reported by console)');
  });
});

function fields2(address: string) {
  return { email: address, name: 'Grace Example', jurisdiction: 'US-CA', types: ['access'], confirm: 'on' };
}

describe('/.well-known/gpc.json', () => {
  it('says the site honors GPC, as JSON in the spec’s format', async () => {
    const res = gpcJson();
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = await res.json();
    expect(body).toEqual({ gpc: true, lastUpdate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });
});

describe('POST /api/v1/opt-outs: the answers the document states beyond the happy path', () => {
  it('403 for a key without the scope, 413 for an oversized body, 503 while the database is away', async () => {
    const unscoped = await createApiKey({ staff: admin, input: { name: 'Reader', scopes: ['opt-outs:write'] } });
    await db().apiKey.update({ where: { id: unscoped.id }, data: { scopes: ['staff:read'] } });
    const forbidden = await report(unscoped.key, aReport());
    expect(forbidden.status).toBe(403);

    const key = await aKey();
    const oversized = await report(key, JSON.stringify({ ...aReport(), property: 'x'.repeat(80 * 1024) }));
    expect(oversized.status).toBe(413);

    const realUrl = process.env.DATABASE_URL;
    try {
      await disconnectDb();
      process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:9/nowhere';
      resetEnvCache();
      const busy = await report(key, aReport());
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = realUrl;
      resetEnvCache();
    }
  });
});
