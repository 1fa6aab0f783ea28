/**
 * Authorized agents (CCPA regs §7063) on real PostgreSQL and real (encrypted) storage: an agent
 * without proof is refused; with signed permission the person confirms from their own address
 * before anything starts, or refuses (denied, the agent told, counted in the §7102 report); with a
 * power of attorney the person is not asked; the agent follows on its own read-only link, gets
 * copies of the person's emails only with their consent, and never the data package.
 */
import { readFile, readdir } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET as agentStatusPage } from '../../app/(public)/status/[id]/agent/route';
import { GET as statusPage } from '../../app/(public)/status/[id]/route';
import { POST as refusePost } from '../../app/(public)/verify/refuse/route';
import { GET as openApiRoute } from '../../app/api/v1/openapi.json/route';
import { POST as requestFormPost } from '../../app/(public)/route';
import { openAgentDocument } from '../../lib/agents/open-agent-document';
import { db } from '../../lib/db';
import { enqueueEmail, brand } from '../../lib/email/enqueue-email';
import { env, resetEnvCache } from '../../lib/env';
import { requestDownloadLink } from '../../lib/fulfilment/package/download-package';
import { getCcpaReport } from '../../lib/metrics/ccpa-report';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { denyRequest } from '../../lib/requests/staff/deny-request';
import { startRequest } from '../../lib/requests/staff/start-request';
import { verifyRequest } from '../../lib/verification/verify-request';
import { purgeExpiredRecords } from '../../lib/retention/purge-expired-records';
import { refuseAgentRequest } from '../../lib/requests/refuse-agent-request';
import { formStartedStamp } from '../../lib/abuse/form-guard';
import { checkedByContract } from '../support/openapi-contract';
import { resetDatabase } from '../support/reset-database';
import { latestStatusLink, latestVerificationToken } from '../support/requests';
import { aStaffIdentity } from '../support/staff';
import { postApiRequest } from '../support/api-requests';

/** A small but real PDF: the first bytes are what the check reads. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** When these requests arrive: inside 2026, whatever the machine's clock (TEST_NOW) says. */
const RECEIVED = new Date('2026-05-04T16:00:00Z');
const minutesLater = (n: number) => new Date(RECEIVED.getTime() + n * 60_000);

let storageRoot: string;
let reviewer: StaffIdentity;
let viewer: StaffIdentity;

beforeAll(async () => {
  storageRoot = await mkdtemp(path.join(os.tmpdir(), 'portal-agents-'));
  process.env.STORAGE_ROOT = storageRoot;
  resetEnvCache();
});

beforeEach(async () => {
  await resetDatabase();
  reviewer = await aStaffIdentity('reviewer');
  viewer = await aStaffIdentity('viewer');
});

const getOpenApi = checkedByContract(openApiRoute, 'GET /api/v1/openapi.json');

let counter = 0;
function people() {
  counter += 1;
  const stamp = `${counter}.${Date.now()}`;
  return { person: `person${stamp}@example.com`, agent: `agent${stamp}@example.com` };
}

const post = (body: unknown) => postApiRequest(body);

/** An agent's request through the JSON API, the document inline in base64. */
async function agentRequest(
  kind: 'signed_permission' | 'power_of_attorney',
  { document = PDF, jurisdiction = 'US-CA' }: { document?: Buffer | null; jurisdiction?: string } = {},
) {
  const { person, agent } = people();
  const res = await post({
    email: person,
    types: ['deletion'],
    jurisdiction,
    confirm: true,
    agent: {
      name: 'Agatha Agent',
      email: agent,
      authorization: kind,
      ...(document ? { document: { filename: 'permission.pdf', content: document.toString('base64') } } : {}),
    },
  });
  return { res, person, agent, id: res.status === 201 ? ((await res.json()) as { id: string }).id : null };
}

const emailsTo = (to: string) => db().outboxEmail.findMany({ where: { to }, orderBy: { createdAt: 'asc' } });

describe('an agent without proof', () => {
  it('is refused by the API with 422 and a clear message, and nothing is stored', async () => {
    const { res } = await agentRequest('signed_permission', { document: null });
    expect(res.status).toBe(422);
    const json = await res.json();
    expect(json.error.fields['agent.document'][0]).toMatch(
      /authorized agent must send proof.*signed permission.*power of attorney/i,
    );
    expect(await db().privacyRequest.count()).toBe(0);
    expect(await db().outboxEmail.count()).toBe(0);
  });

  it('is refused without saying what kind of proof, and with a file that is not a document', async () => {
    const { person, agent } = people();
    const noKind = await post({
      email: person,
      types: ['access'],
      jurisdiction: 'UK',
      confirm: true,
      agent: { name: 'A', email: agent, document: { filename: 'x.pdf', content: PDF.toString('base64') } },
    });
    expect(noKind.status).toBe(422);
    expect((await noKind.json()).error.fields['agent.authorization'][0]).toMatch(
      /signed permission or a power of attorney/,
    );
    const notADocument = await agentRequest('signed_permission', { document: Buffer.from('<html>hi</html>') });
    expect(notADocument.res.status).toBe(422);
    expect((await notADocument.res.json()).error.fields['agent.document'][0]).toMatch(/PDF, PNG or JPEG/);
    expect(await db().privacyRequest.count()).toBe(0);
  });

  it('is told by the OpenAPI document how to send the proof', async () => {
    const doc = await (await getOpenApi()).json();
    const agent = doc.components.schemas.NewRequest.properties.agent;
    expect(agent.required).toEqual(expect.arrayContaining(['authorization', 'document']));
    expect(agent.properties.document.properties.content.contentEncoding).toBe('base64');
    expect(agent.properties.authorization.enum).toEqual(['signed_permission', 'power_of_attorney']);
  });

  it('is refused by the web form with 422, the message beside the field', async () => {
    const { person, agent } = people();
    const form = new FormData();
    for (const [k, v] of Object.entries({
      onBehalf: 'on',
      'agent.name': 'Agatha Agent',
      'agent.email': agent,
      'agent.authorization': 'signed_permission',
      email: person,
      jurisdiction: 'US-CA',
      types: 'access',
      confirm: 'on',
      formStartedAt: formStartedStamp(new Date(Date.now() - 60_000)),
    }))
      form.append(k, v);
    const res = await requestFormPost(new Request('http://portal.test/', { method: 'POST', body: form }));
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/authorized agent must send proof/i);
    expect(await db().privacyRequest.count()).toBe(0);
  });
});

describe('an agent with signed permission', () => {
  it('stores the proof encrypted, in its own table, and asks the person (not the agent) to confirm', async () => {
    const { res, id, person, agent } = await agentRequest('signed_permission');
    expect(res.status).toBe(201);
    const authorization = await db().agentAuthorization.findUniqueOrThrow({ where: { requestId: id! } });
    expect(authorization).toMatchObject({ kind: 'signed_permission', documentType: 'application/pdf' });
    expect(authorization.documentSize).toBe(PDF.length);
    // On disk: ciphertext only.
    const folder = path.join(storageRoot, 'agent-authorizations', id!);
    const [file] = await readdir(folder);
    const stored = await readFile(path.join(folder, file));
    expect(stored.includes(Buffer.from('%PDF'))).toBe(false);

    const [verification] = await emailsTo(person);
    expect(verification.template).toBe('verify-request');
    expect(verification.subject).toMatch(/Did you ask Agatha Agent to make a privacy request for you/);
    expect(await emailsTo(agent)).toHaveLength(0);
  });

  it('cannot be started until the person confirms', async () => {
    const { id, person } = await agentRequest('signed_permission', { jurisdiction: 'UK' });
    await expect(startRequest({ staff: reviewer, requestId: id! })).rejects.toThrow(/cannot be started/);
    await verifyRequest({ token: await latestVerificationToken(person) });
    await startRequest({ staff: reviewer, requestId: id! });
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: id! } })).status).toBe('in_progress');
  });

  it('with the person’s consent: the agent follows on its own read-only link and gets copies, never the package', async () => {
    const { id, person, agent } = await agentRequest('signed_permission', { jurisdiction: 'UK' });
    const result = await verifyRequest({ token: await latestVerificationToken(person), agentCopies: true });
    expect(result).toMatchObject({ outcome: 'verified', viewer: 'person' });
    const authorization = await db().agentAuthorization.findUniqueOrThrow({ where: { requestId: id! } });
    expect(authorization.personConfirmedAt).not.toBeNull();
    expect(authorization.copiesConsented).toBe(true);

    const agentEmails = await emailsTo(agent);
    expect(agentEmails.map((e) => e.template).sort()).toEqual(['agent-status-link', 'request-received']);
    const agentLink = /\/status\/([0-9a-f-]{36})\/agent\?token=([A-Za-z0-9_-]{43})/.exec(agentEmails[0].text)!;
    expect(agentLink[1]).toBe(id);
    // The copy of the receipt carries the agent's own link, never the person's.
    const personLink = await latestStatusLink(person);
    const copy = agentEmails.find((e) => e.template === 'request-received')!;
    expect(copy.text).toContain(`/status/${id}/agent?token=${agentLink[2]}`);
    expect(copy.text).not.toContain(personLink.token);

    // The agent's page: status and dates, no form at all.
    const page = await agentStatusPage(new Request(`http://portal.test/status/${id}/agent?token=${agentLink[2]}`), {
      params: Promise.resolve({ id: id! }),
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/made by you as an authorized agent/);
    expect(html).not.toMatch(/<form/);
    // The agent's token opens neither the person's page nor a download.
    const asPerson = await statusPage(new Request(`http://portal.test/status/${id}?token=${agentLink[2]}`), {
      params: Promise.resolve({ id: id! }),
    });
    const personHtml = await asPerson.text();
    expect(personHtml).toMatch(/Use the status link from your most recent email/);
    expect(personHtml).not.toMatch(/withdraw/i);
    await expect(requestDownloadLink({ requestId: id!, statusToken: agentLink[2] })).rejects.toThrow(/not valid/);
    // And a download link mailed to the person is never copied.
    await db().$transaction((tx) =>
      enqueueEmail(tx, {
        template: 'download-link',
        to: person,
        requestId: id!,
        props: {
          brand: brand(),
          reference: 'BR-X',
          downloadUrl: 'https://portal.test/download/x',
          linkMinutes: 15,
          packageExpiresAt: new Date('2026-06-01T12:00:00Z'),
          timeZone: 'Europe/London',
        },
      }),
    );
    expect((await emailsTo(agent)).some((e) => e.template === 'download-link')).toBe(false);

    // A later email to the person is copied too.
    await denyRequest({
      staff: reviewer,
      requestId: id!,
      reason: 'exempt',
      partial: false,
      message: 'The information is exempt.',
      basis: 'A legal obligation to keep the information',
    });
    expect((await emailsTo(agent)).filter((e) => e.template === 'request-decided')).toHaveLength(1);
  });

  it('without the person’s consent: the agent gets its link, and no copy of anything', async () => {
    const { id, person, agent } = await agentRequest('signed_permission', { jurisdiction: 'UK' });
    await verifyRequest({ token: await latestVerificationToken(person) });
    await denyRequest({
      staff: reviewer,
      requestId: id!,
      reason: 'exempt',
      partial: false,
      message: 'The information is exempt.',
      basis: 'A legal obligation to keep the information',
    });
    expect((await emailsTo(agent)).map((e) => e.template)).toEqual(['agent-status-link']);
    expect((await emailsTo(person)).map((e) => e.template)).toEqual([
      'verify-request',
      'request-received',
      'request-decided',
    ]);
  });

  it('the person can refuse: denied as agent_not_authorized, the agent told, counted as not verifiable', async () => {
    const { id, person, agent } = await agentRequest('signed_permission');
    const token = await latestVerificationToken(person);
    const form = new FormData();
    form.append('token', token);
    const res = await refusePost(new Request('http://portal.test/verify/refuse', { method: 'POST', body: form }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/result=refused/);

    const request = await db().privacyRequest.findUniqueOrThrow({ where: { id: id! } });
    expect(request).toMatchObject({ status: 'denied', denialReason: 'agent_not_authorized' });
    expect(request.closedAt).not.toBeNull();
    expect(
      (await db().agentAuthorization.findUniqueOrThrow({ where: { requestId: id! } })).personRefusedAt,
    ).not.toBeNull();
    const [told] = await emailsTo(agent);
    expect(told.template).toBe('agent-not-authorized');
    expect(told.text).toMatch(/did not ask anyone to make it/);
    // The link cannot confirm afterwards, nor start it.
    expect(await verifyRequest({ token })).toEqual({ outcome: 'request-closed' });
    await expect(startRequest({ staff: reviewer, requestId: id! })).rejects.toThrow(/cannot be started/);
    const year = Number(
      new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone: 'America/Los_Angeles' }).format(request.receivedAt),
    );
    const report = await getCcpaReport({ staff: reviewer, year });
    const deleteRow = report.rows.find((r) => r.category === 'delete')!;
    expect(deleteRow).toMatchObject({ denied: 1, deniedNotVerifiable: 1, deniedOther: 0 });
  });

  it('a refusal with a pinned clock: an expired link refuses nothing', async () => {
    const { person } = people();
    const { submitRequest } = await import('../../lib/requests/submit-request');
    await submitRequest({
      input: {
        email: person,
        types: ['access'],
        jurisdiction: 'US-CA',
        confirm: true,
        agent: { name: 'Agatha Agent', email: `x.${person}`, authorization: 'signed_permission' },
      },
      agentDocument: { filename: 'p.pdf', type: 'application/pdf', bytes: PDF },
      channel: 'api',
      now: RECEIVED,
    });
    const token = await latestVerificationToken(person);
    // An hour after the link's lifetime (VERIFICATION_TTL_DAYS) ran out.
    const lapsed = minutesLater(60 * (env().verificationTtlHours + 1));
    expect(await refuseAgentRequest({ token, now: lapsed })).toEqual({ outcome: 'expired' });
    expect(await refuseAgentRequest({ token, now: minutesLater(5) })).toEqual({ outcome: 'refused' });
  });
});

describe('an agent with a power of attorney', () => {
  it('needs no confirmation from the person: the agent confirms its own address and follows read-only', async () => {
    const { id, person, agent } = await agentRequest('power_of_attorney', { jurisdiction: 'UK' });
    // The link goes to the agent; the person is not asked.
    expect(await emailsTo(person)).toHaveLength(0);
    const result = await verifyRequest({ token: await latestVerificationToken(agent), agentCopies: true });
    expect(result).toMatchObject({ outcome: 'verified', viewer: 'agent' });
    await startRequest({ staff: reviewer, requestId: id! });
    // The person hears from us, with their own (full) status link; the agent gets its own link, no copies.
    expect((await emailsTo(person)).map((e) => e.template)).toEqual(['request-received']);
    expect((await emailsTo(agent)).map((e) => e.template)).toEqual(['verify-request', 'agent-status-link']);
    const authorization = await db().agentAuthorization.findUniqueOrThrow({ where: { requestId: id! } });
    expect(authorization).toMatchObject({ personConfirmedAt: null, copiesConsented: false });
    // The token the agent's confirmation returned is the agent's: the person's page refuses it.
    const asPerson = await statusPage(
      new Request(`http://portal.test/status/${id}?token=${(result as { statusToken: string }).statusToken}`),
      {
        params: Promise.resolve({ id: id! }),
      },
    );
    const personHtml = await asPerson.text();
    expect(personHtml).toMatch(/Use the status link from your most recent email/);
    expect(personHtml).not.toMatch(/withdraw/i);
  });
});

describe('staff and the proof', () => {
  it('a reviewer opens it (each view audited), a viewer cannot; denying as not authorized tells the agent', async () => {
    const { id, person, agent } = await agentRequest('power_of_attorney', { jurisdiction: 'UK' });
    await expect(openAgentDocument({ staff: viewer, requestId: id! })).rejects.toThrow(/cannot do this/);
    for (let view = 0; view < 2; view += 1) {
      const opened = await openAgentDocument({ staff: reviewer, requestId: id! });
      const chunks: Buffer[] = [];
      for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).equals(PDF)).toBe(true);
    }
    expect(
      await db().auditEvent.count({
        where: { requestId: id!, action: 'agent_authorization.viewed', actorId: reviewer.id },
      }),
    ).toBe(2);

    await verifyRequest({ token: await latestVerificationToken(agent) });
    await denyRequest({
      staff: reviewer,
      requestId: id!,
      reason: 'agent_not_authorized',
      partial: false,
      message: 'The power of attorney does not name you.',
    });
    const toAgent = (await emailsTo(agent)).map((e) => e.template);
    expect(toAgent).toContain('agent-not-authorized');
    const decided = (await emailsTo(person)).find((e) => e.template === 'request-decided')!;
    expect(decided.text).toMatch(/could not show that you authorized them/);
  });
});

describe('retention', () => {
  it('the purge deletes the proof from storage and stops the agent’s link', async () => {
    const { id, person } = await agentRequest('signed_permission', { jurisdiction: 'UK' });
    await refuseAgentRequest({ token: await latestVerificationToken(person) });
    const folder = path.join(storageRoot, 'agent-authorizations', id!);
    expect(await readdir(folder)).toHaveLength(1);
    const closedAt = (await db().privacyRequest.findUniqueOrThrow({ where: { id: id! } })).closedAt!;
    await purgeExpiredRecords({ now: new Date(closedAt.getTime() + 25 * 31 * 86_400_000) });
    expect(await readdir(folder).catch(() => [])).toHaveLength(0);
    expect(await db().agentAuthorization.findUniqueOrThrow({ where: { requestId: id! } })).toMatchObject({
      documentKey: null,
      documentName: null,
      agentStatusNonce: null,
      kind: 'signed_permission',
    });
  });
});
