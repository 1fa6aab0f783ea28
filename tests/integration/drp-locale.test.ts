/**
 * The language of a DRP request (docs/decisions/010, addendum): the signed `locale` claim, else the
 * agent's Accept-Language, stored on the portal's request so that every email to the person speaks it.
 */
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as agentRoute from '../../app/api/drp/v1/agent/[agentId]/route';
import * as requestsRoute from '../../app/api/drp/v1/data-rights-request/route';
import { db } from '../../lib/db';
import { checkedByContract } from '../support/openapi-contract';
import { resetDatabase } from '../support/reset-database';
import { scopedEnv } from '../support/scoped-env';

const postAgent = checkedByContract(agentRoute.POST);
const postRequest = checkedByContract(requestsRoute.POST);
const BASE = 'http://portal.test/api/drp/v1';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const AGENT = {
  id: 'TEST_AA_LOCALE',
  privateKey: privateKey as KeyObject,
  verifyKey: publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64'),
};

function signed(message: unknown): string {
  const json = Buffer.from(JSON.stringify(message));
  return Buffer.concat([sign(null, json, AGENT.privateKey), json]).toString('base64');
}
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
const envelope = () => ({
  'agent-id': AGENT.id,
  'business-id': 'BITSTRIDE',
  'issued-at': iso(Date.now() - 1000),
  'expires-at': iso(Date.now() + 10 * 60_000),
  'drp.version': '1.0',
});
let counter = 0;
function exercise(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    ...envelope(),
    exercise: 'access',
    regime: 'ccpa',
    name: 'Lovelace, Ada',
    email: `drp.locale.${counter}.${Date.now()}@example.com`,
    ...overrides,
  };
}

async function pairedToken(): Promise<string> {
  const res = await postAgent(
    new Request(`${BASE}/agent/${AGENT.id}`, {
      method: 'POST',
      body: signed(envelope()),
      headers: { 'content-type': 'text/plain' },
    }),
    { params: Promise.resolve({ agentId: AGENT.id }) },
  );
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** Files an exercise and returns the portal request it made, with the first email to the person. */
async function file(message: Record<string, unknown>, headers: Record<string, string> = {}) {
  const token = await pairedToken();
  const res = await postRequest(
    new Request(`${BASE}/data-rights-request`, {
      method: 'POST',
      body: signed(message),
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}`, ...headers },
    }),
  );
  expect(res.status).toBe(200);
  const { request_id } = (await res.json()) as { request_id: string };
  const drp = await db().drpRequest.findUniqueOrThrow({ where: { id: request_id } });
  const request = await db().privacyRequest.findUniqueOrThrow({ where: { id: drp.requestId ?? '' } });
  const email = await db().outboxEmail.findFirstOrThrow({ where: { to: String(message.email) } });
  return { request, email };
}

const settings = scopedEnv(['DRP_ENABLED', 'DRP_BUSINESS_ID', 'DRP_AGENTS']);
beforeEach(async () => {
  await resetDatabase();
  await db().$executeRawUnsafe('TRUNCATE drp_request, drp_signed_message, drp_agent CASCADE');
  settings.set({
    DRP_ENABLED: 'true',
    DRP_BUSINESS_ID: 'BITSTRIDE',
    DRP_AGENTS: JSON.stringify([{ id: AGENT.id, name: 'Agent Locale', verifyKey: AGENT.verifyKey }]),
  });
});
afterEach(() => settings.restore());

describe('a DRP request’s language', () => {
  it('is the signed `locale` claim, matched to the closest catalog, and the verification email speaks it', async () => {
    const { request, email } = await file(exercise({ locale: 'es-MX' }), { 'accept-language': 'de' });
    expect(request.channel).toBe('drp');
    expect(request.locale).toBe('es-419');
    expect(email.html).toMatch(/<html[^>]* lang="es-419"/);
  });

  it('is the agent’s Accept-Language when the message has no `locale`', async () => {
    const { request, email } = await file(exercise(), { 'accept-language': 'pt-BR,pt;q=0.9,en;q=0.5' });
    expect(request.locale).toBe('pt-BR');
    expect(email.html).toMatch(/<html[^>]* lang="pt-BR"/);
  });

  it('keeps Quebec French apart (fr-CA)', async () => {
    const { request } = await file(exercise({ locale: 'fr-CA' }));
    expect(request.locale).toBe('fr-CA');
  });

  it('is English with neither, or with a language the portal does not speak', async () => {
    expect((await file(exercise())).request.locale).toBe('en');
    expect((await file(exercise({ locale: 'ja-JP' }))).request.locale).toBe('en');
  });
});
