/**
 * The JSON API's OpenAPI document tells the truth, as a client integrator would check it: it
 * validates as OpenAPI 3.1; bodies it calls valid are accepted and bodies it calls invalid are
 * refused (a property test over the rules' boundaries); and the answers no other test provokes
 * (the database away) are checked against it too. Every answer here goes through the contract check
 * (tests/support/openapi-contract.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { validate as validateOpenApi } from '@readme/openapi-parser';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET as openApiRoute } from '../../app/api/v1/openapi.json/route';
import { GET as statusRoute } from '../../app/api/v1/requests/[id]/route';
import { db, disconnectDb } from '../../lib/db';
import { newRequestSchema } from '../../lib/universal/request-schema';
import { validEmail } from '../support/fuzz-inputs';
import {
  checkedByContract,
  checkResponse,
  contractDocument,
  documentedAnswers,
  documentedPath,
  schemaAt,
} from '../support/openapi-contract';
import { unexercisedAnswers } from '../support/openapi-coverage';
import { resetDatabase } from '../support/reset-database';
import { scopedEnv } from '../support/scoped-env';
import { postApiRequest } from '../support/api-requests';

const getStatus = checkedByContract(statusRoute);
const getOpenApi = checkedByContract(openApiRoute, 'GET /api/v1/openapi.json');

const settings = scopedEnv([
  'STORAGE_ROOT',
  'RATE_LIMIT_SUBMIT_PER_IP',
  'RATE_LIMIT_SUBMIT_PER_EMAIL',
  'MAX_UNVERIFIED_PER_EMAIL',
]);
let storageRoot: string;
beforeAll(async () => {
  storageRoot = await mkdtemp(path.join(os.tmpdir(), 'portal-openapi-'));
});
afterAll(() => rm(storageRoot, { recursive: true, force: true }));
beforeEach(async () => {
  await resetDatabase();
  settings.set({
    STORAGE_ROOT: storageRoot,
    RATE_LIMIT_SUBMIT_PER_IP: '100000',
    RATE_LIMIT_SUBMIT_PER_EMAIL: '100000',
    MAX_UNVERIFIED_PER_EMAIL: '1000',
  });
});
afterEach(() => settings.restore());

const post = (body: unknown) => postApiRequest(body);

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const pdf = { filename: 'permission.pdf', content: PDF.toString('base64') };
const documentFor = () => schemaAt('components', 'schemas', 'NewRequest');

describe('the document', () => {
  it('validates as OpenAPI 3.1 (@readme/openapi-parser), as served', async () => {
    const served = await (await getOpenApi()).json();
    const result = await validateOpenApi(served);
    expect(result.valid, JSON.stringify(result)).toBe(true);
    expect(served.openapi).toBe('3.1.0');
  });

  it('defines how a client is authorized and how it obtains the status token', () => {
    const { doc } = contractDocument() as unknown as {
      doc: { components: { securitySchemes: Record<string, { in: string; name: string; description: string }> } };
    };
    expect(doc.components.securitySchemes.statusToken).toMatchObject({ in: 'query', name: 'token' });
    expect(doc.components.securitySchemes.statusToken.description).toMatch(/emailed/);
  });

  it('documents every status with a body of the error shape, and Retry-After with 429 and 503', () => {
    expect(documentedAnswers()).toEqual(
      expect.arrayContaining([
        'POST /api/v1/requests 400',
        'POST /api/v1/requests 413',
        'POST /api/v1/requests 415',
        'POST /api/v1/requests 422',
        'POST /api/v1/requests 429',
        'POST /api/v1/requests 503',
        'GET /api/v1/requests/{id} 404',
        'GET /api/v1/requests/{id} 429',
        'GET /api/v1/requests/{id} 503',
        'GET /api/health 200',
        'GET /api/health 503',
      ]),
    );
  });

  it('the contract check finds operations by method and path, and refuses what the document does not say', async () => {
    expect(documentedPath('/api/v1/requests/0b7c', 'get')).toBe('/api/v1/requests/{id}');
    expect(documentedPath('/api/v1/requests/', 'post')).toBe('/api/v1/requests');
    expect(documentedPath('/api/v2/nothing', 'get')).toBeUndefined();
    const json = (body: unknown, status: number) => Response.json(body, { status });
    await expect(checkResponse('DELETE', '/api/v1/requests', json({}, 200))).rejects.toThrow(
      /not a documented operation/,
    );
    await expect(checkResponse('GET', '/api/health', json({ db: 'ok' }, 418))).rejects.toThrow(/not documented/);
    await expect(checkResponse('GET', '/api/health', json({ db: 'ok', extra: 1 }, 200))).rejects.toThrow(
      /does not match/,
    );
    await expect(
      checkResponse('POST', '/api/v1/requests', json({ error: { code: 'RATE_LIMITED', message: 'm' } }, 429)),
    ).rejects.toThrow(/Retry-After/);
    await expect(
      checkResponse('POST', '/api/v1/requests', json({ error: { code: 'NOT_FOUND', message: 'm' } }, 422)),
    ).rejects.toThrow(/does not match/);
  });

  it('the coverage report names what no test exercised, beyond the answers left out on purpose', () => {
    const seen = [JSON.stringify({ operation: 'GET /api/health', status: '200' })];
    const missing = unexercisedAnswers(seen, [
      'GET /api/health 200',
      'GET /api/health 503',
      'POST /api/v1/requests 500',
    ]);
    expect(missing).toEqual(['GET /api/health 503']);
  });
});

describe('POST /api/v1/requests: the document and the server agree on every rule', () => {
  it.each([
    ['an email the server cannot use (format and pattern)', { email: 'a!b@example.com' }, 'email'],
    ['an email without a real domain', { email: 'ada@example.c0m' }, 'email'],
    ['a correction without details', { types: ['correction'] }, 'details'],
    ['a type repeated (uniqueItems)', { types: ['access', 'access'] }, 'types'],
    ['an account email sent empty', { accountEmail: '' }, 'accountEmail'],
    ['a name sent blank', { name: '  ' }, 'name'],
    ['details sent empty', { details: '' }, 'details'],
    ['a right the regime does not give', { types: ['opt_out_sale'] }, 'types'],
  ])('%s: schema-invalid, and refused with 422 on the field', async (_, change, field) => {
    const body = { ...valid(), ...change };
    expect(documentFor()(body), 'the document refuses it').toBe(false);
    const res = await post(body);
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields[field]?.[0]).toEqual(expect.any(String));
    expect(await db().privacyRequest.count()).toBe(0);
  });

  it('every example the document gives is valid by its schema, and accepted', async () => {
    const { examples } = (
      contractDocument().doc as unknown as {
        components: { schemas: { NewRequest: { examples: Record<string, unknown>[] } } };
      }
    ).components.schemas.NewRequest;
    expect(examples.length).toBeGreaterThan(0);
    for (const [i, example] of examples.entries()) {
      const body = { ...example, email: `example${i}.${Date.now()}@example.com` };
      expect(documentFor()(body), JSON.stringify(body)).toBe(true);
      expect((await post(body)).status, JSON.stringify(body)).toBe(201);
    }
  });

  it('an account email sent empty is refused with a message saying to leave it out; the form still reads it as not given', async () => {
    const res = await post({ ...valid(), accountEmail: '' });
    expect((await res.json()).error.fields.accountEmail).toEqual([
      'Account email must not be empty: leave the field out instead',
    ]);
    const fromForm = newRequestSchema.safeParse({ ...valid(), accountEmail: '', name: '', details: '' });
    expect(fromForm.success).toBe(true);
    expect(fromForm.data?.accountEmail).toBeUndefined();
  });

  it('an agent email equal to the subject’s: schema-valid, refused as its description says', async () => {
    const body = {
      ...valid(),
      agent: { name: 'Agent', email: 'x@example.com', authorization: 'signed_permission', document: pdf },
    };
    body.email = 'X@example.com';
    expect(documentFor()(body)).toBe(true);
    expect(JSON.stringify(contractDocument().doc)).toContain('It must differ from `email`');
    const res = await post(body);
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields['agent.email'][0]).toMatch(/must differ/);
  });

  it('property: a body the document calls valid is accepted (201), one it calls invalid is refused (422)', {
    timeout: 120_000,
  }, async () => {
    const { doc } = contractDocument() as unknown as {
      doc: {
        components: {
          schemas: { NewRequest: { properties: Record<string, { items?: { enum: string[] }; enum?: string[] }> } };
        };
      };
    };
    const props = doc.components.schemas.NewRequest.properties;
    const typeEnum = props.types.items?.enum ?? [];
    const jurisdictionEnum = props.jurisdiction.enum ?? [];
    // A body the document allows, varied in every optional part, then perhaps broken at one rule's edge.
    const allowed = fc.record(
      {
        email: validEmail,
        name: fc.constantFrom('Ada Lovelace', 'Zoë 山田 👩🏽‍💻', 'x'.repeat(200)),
        accountEmail: validEmail,
        jurisdiction: fc.constantFrom(...jurisdictionEnum),
        types: fc.uniqueArray(fc.constantFrom(...typeEnum), { minLength: 1, maxLength: 3 }),
        details: fc.constantFrom('My name is misspelt: it is Ada.', 'line one\nline two', 'x'.repeat(5000)),
        agent: fc.record({
          name: fc.constant('Agent Smith'),
          email: validEmail,
          authorization: fc.constantFrom('signed_permission', 'power_of_attorney'),
          document: fc.constant(pdf),
        }),
        confirm: fc.constant(true),
      },
      { requiredKeys: ['email', 'jurisdiction', 'types', 'confirm'] },
    );
    type Body = Record<string, unknown> & { types: string[]; agent?: Record<string, unknown> };
    const set = (key: string, values: unknown[]) => values.map((value) => (b: Body) => ({ ...b, [key]: value }));
    const inAgent = (key: string, values: unknown[]) =>
      values.map((value) => (b: Body) => ({
        ...b,
        agent: {
          name: 'A',
          email: 'agent@example.org',
          authorization: 'signed_permission',
          document: pdf,
          [key]: value,
        },
      }));
    const edges: ((b: Body) => Body)[] = [
      ...set('email', [
        'not-an-email',
        'a!b@example.com',
        'ada@example.c0m',
        '',
        ' ',
        42,
        `${'x'.repeat(250)}@example.com`,
      ]),
      ...set('name', ['', '  ', 'evil\u202Etxt', 'x'.repeat(201), 7]),
      ...set('accountEmail', ['', '  ', 'nope', 'a@b', 'a!b@example.com']),
      ...set('types', [
        [],
        ['hack'],
        'access',
        ['access', 'access'],
        ['correction'],
        ['opt_out_sale'],
        ['limit_sensitive'],
      ]),
      (b) => ({ ...b, types: [...b.types, b.types[0]] }),
      (b) => ({ ...b, types: [...new Set([...b.types, 'correction'])], details: undefined }),
      ...set('jurisdiction', ['MARS', 'us-ca']),
      ...set('details', ['', '   ', 'x'.repeat(5001), 'a\u0000b']),
      ...inAgent('name', ['  ', '']),
      ...inAgent('email', ['bad@', 'AGENT@example.org']),
      ...inAgent('authorization', ['maybe']),
      ...inAgent('document', [undefined, { content: '' }, { content: 'not base64!' }, { filename: 'x.pdf' }]),
      (b) => ({ ...b, agent: { name: 'A', email: b.email, authorization: 'power_of_attorney', document: pdf } }),
      (b) => ({
        ...b,
        agent: { name: 'A', email: 'agent@example.org', authorization: 'power_of_attorney', document: pdf, phone: '1' },
      }),
      ...set('confirm', [false, 'yes']),
      ...set('extra', [1]),
    ];
    const body = fc
      .tuple(allowed, fc.option(fc.constantFrom(...edges), { freq: 3 }))
      .map(([b, edge]) => (edge ? edge(b as Body) : b));
    const seen = { 201: 0, 422: 0 };
    await fc.assert(
      fc.asyncProperty(body, async (generated) => {
        const input = JSON.parse(JSON.stringify(generated)) as Body;
        const sameAgentEmail =
          typeof input.agent?.email === 'string' &&
          typeof input.email === 'string' &&
          input.agent.email.toLowerCase() === input.email.toLowerCase();
        const schemaValid = documentFor()(input);
        const res = await post(input);
        const expected = schemaValid && !sameAgentEmail ? 201 : 422;
        expect(res.status, `${JSON.stringify(input)}\n${await res.clone().text()}`).toBe(expected);
        seen[expected] += 1;
      }),
      { numRuns: 200 },
    );
    // Both sides of the rules were tried, many times each.
    expect(seen[201], JSON.stringify(seen)).toBeGreaterThan(20);
    expect(seen[422], JSON.stringify(seen)).toBeGreaterThan(20);
  });
});

describe('when the database does not answer', () => {
  const unreachable = scopedEnv(['DATABASE_URL']);
  afterEach(async () => {
    await disconnectDb();
    unreachable.restore();
  });

  it('filing and reading a status answer 503 with Retry-After, as documented', async () => {
    await disconnectDb();
    unreachable.set({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:9/nowhere' });
    const filed = await post(valid());
    expect(filed.status).toBe(503);
    expect(filed.headers.get('retry-after')).toBe('30');
    const id = '00000000-0000-4000-8000-000000000000';
    const status = await getStatus(new Request(`http://portal.test/api/v1/requests/${id}?token=${'A'.repeat(43)}`), {
      params: Promise.resolve({ id }),
    });
    expect(status.status).toBe(503);
  });
});

function valid() {
  return {
    email: `contract.${Date.now()}.${Math.random()}@example.com`,
    types: ['access'],
    jurisdiction: 'UK',
    confirm: true,
  };
}
