import { beforeEach, describe, expect, it } from 'vitest';
import { GET as healthRoute } from '../../app/api/health/route';
import { GET as openApiRoute } from '../../app/api/v1/openapi.json/route';
import { GET as statusRoute } from '../../app/api/v1/requests/[id]/route';
import { POST as requestsRoute } from '../../app/api/v1/requests/route';
import { db, disconnectDb } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { verifyRequest } from '../../lib/verification/verify-request';
import { checkedByContract } from '../support/openapi-contract';
import { resetDatabase } from '../support/reset-database';
import { latestStatusLink, latestVerificationToken } from '../support/requests';

beforeEach(resetDatabase);

const postRequest = checkedByContract(requestsRoute);
const getRequest = checkedByContract(statusRoute);
const getOpenApi = checkedByContract(openApiRoute, 'GET /api/v1/openapi.json');
const getHealth = checkedByContract(healthRoute, 'GET /api/health');

const post = (body: BodyInit | null, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  postRequest(new Request('http://portal.test/api/v1/requests', { method: 'POST', body, headers }));

const valid = () => ({
  email: `api.${Date.now()}.${Math.random()}@example.com`,
  types: ['access', 'export'],
  jurisdiction: 'US-CA',
  confirm: true,
});

describe('POST /api/v1/requests', () => {
  it('answers 201 with id, reference and status, and sends the verification email', async () => {
    const body = valid();
    const res = await post(JSON.stringify(body));
    expect(res.status).toBe(201);
    const json = await res.json();
    expect(json).toEqual({
      id: expect.any(String),
      reference: expect.stringMatching(/^BR-\d{4}-\d{6}$/),
      status: 'unverified',
      verificationRequired: true,
      actedOnAtReceipt: [],
    });
    const row = await db().privacyRequest.findUniqueOrThrow({ where: { id: json.id } });
    expect(row.channel).toBe('api');
    expect(await db().outboxEmail.count({ where: { to: body.email } })).toBe(1);
  });

  it('answers 422 with a message per field and stores nothing', async () => {
    const res = await post(
      JSON.stringify({
        email: 'not-an-email',
        types: ['access', 'hack'],
        jurisdiction: 'MARS',
        confirm: false,
        agent: { name: '' },
      }),
    );
    expect(res.status).toBe(422);
    const json = await res.json();
    expect(json.error.code).toBe('INVALID_INPUT');
    expect(Object.keys(json.error.fields).sort()).toEqual(
      ['agent.authorization', 'agent.email', 'agent.name', 'confirm', 'email', 'jurisdiction', 'types.1'].sort(),
    );
    expect(await db().privacyRequest.count()).toBe(0);
  });

  it('requires details for a correction', async () => {
    const res = await post(JSON.stringify({ ...valid(), types: ['correction'] }));
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.details[0]).toMatch(/what is wrong/);
  });

  it('refuses a right the regime does not give (limit outside California, opt-out of sale outside the US)', async () => {
    for (const [jurisdiction, type] of [
      ['US-VA', 'limit_sensitive'],
      ['UK', 'opt_out_sale'],
    ]) {
      const res = await post(JSON.stringify({ ...valid(), jurisdiction, types: ['access', type] }));
      expect(res.status, `${jurisdiction} ${type}`).toBe(422);
      expect((await res.json()).error.fields.types[0]).toMatch(/does not give every right you chose/);
    }
    expect(await db().privacyRequest.count()).toBe(0);
    const california = await post(JSON.stringify({ ...valid(), types: ['limit_sensitive', 'opt_out_sale'] }));
    expect(california.status).toBe(201);
    expect(await california.json()).toMatchObject({
      status: 'in_progress',
      actedOnAtReceipt: ['limit_sensitive', 'opt_out_sale'],
    });
  });

  it('answers 415 for a body that is not JSON by content type', async () => {
    const res = await post('email=a@b.co', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect((await res.json()).error.message).toMatch(/application\/json/);
  });

  it('answers 413 past 64 KB, even when Content-Length is not sent', async () => {
    const huge = JSON.stringify({ ...valid(), details: 'x'.repeat(70_000) });
    const res = await post(huge);
    expect(res.status).toBe(413);
    expect(await db().privacyRequest.count()).toBe(0);
  });

  it('answers 400 for malformed JSON and for invalid UTF-8', async () => {
    expect((await post('{"email": ')).status).toBe(400);
    expect((await post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).status).toBe(400);
  });

  it('rejects unknown fields, wrong types, control characters and bidi overrides with 422', async () => {
    for (const body of [
      { ...valid(), admin: true },
      { ...valid(), types: 'access' },
      { ...valid(), name: 'Ada\u0000' },
      { ...valid(), name: 'evil\u202Etxt.exe' },
      { ...valid(), email: ['a@b.co'] },
      [],
      null,
      'string',
    ]) {
      const res = await post(JSON.stringify(body));
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect(await db().privacyRequest.count()).toBe(0);
  });

  it('accepts unicode-heavy names and keeps them intact', async () => {
    const name = 'Zoë Ŝtraße 山田太郎 👩🏽‍💻';
    const res = await post(JSON.stringify({ ...valid(), name }));
    expect(res.status).toBe(201);
    const { id } = await res.json();
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id } })).name).toBe(name);
  });
});

describe('GET /api/v1/requests/{id}', () => {
  it('returns the status to the holder of the status token, and 404 otherwise', async () => {
    const body = valid();
    const created = await (await post(JSON.stringify(body))).json();
    await verifyRequest({ token: await latestVerificationToken(body.email) });
    const link = await latestStatusLink(body.email);
    const get = (id: string, token: string) =>
      getRequest(new Request(`http://portal.test/api/v1/requests/${id}?token=${token}`), {
        params: Promise.resolve({ id }),
      });
    const ok = await get(created.id, link.token);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      id: created.id,
      reference: created.reference,
      status: 'verified',
      types: ['access', 'export'],
    });
    expect((await get(created.id, 'C'.repeat(43))).status).toBe(404);
    expect((await get(created.id, '')).status).toBe(404);
    expect((await get('not-a-uuid', link.token)).status).toBe(404);
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('describes both operations with the same field rules as the schema', async () => {
    const doc = await (await getOpenApi()).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/requests', '/api/v1/requests/{id}']));
    expect(doc.components.schemas.NewRequest.properties.jurisdiction.enum).toContain('US-CA');
    expect(doc.components.schemas.NewRequest.properties.types.items.enum).toEqual(
      expect.arrayContaining(['objection', 'unsubscribe', 'opt_out_sale', 'limit_sensitive']),
    );
    expect(doc.info.description).toContain('`limit_sensitive`: US-CA');
    expect(doc.components.schemas.NewRequest.required).toEqual(
      expect.arrayContaining(['email', 'types', 'jurisdiction', 'confirm']),
    );
  });
});

describe('GET /api/health', () => {
  it('answers 200 with db ok while the database answers', async () => {
    const res = await getHealth();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ db: 'ok' });
  });

  it('answers 503 when the database does not answer', async () => {
    const realUrl = process.env.DATABASE_URL;
    try {
      await disconnectDb();
      process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:9/nowhere';
      resetEnvCache();
      const res = await getHealth();
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ db: 'unavailable' });
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = realUrl;
      resetEnvCache();
    }
    expect((await getHealth()).status).toBe(200);
  });
});
