/**
 * Retention: past the window, a request's personal data is gone from every table — audit payloads
 * and the outbox included — while its anonymised row keeps the metrics for its year exactly as they
 * were, and a request on legal hold keeps everything until the hold is lifted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { recordAuditEvent } from '../../lib/audit/record-audit-event';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { db } from '../../lib/db';
import { getRequestMetrics } from '../../lib/metrics/get-request-metrics';
import { addJob } from '../../lib/queue/add-job';
import { crontab } from '../../lib/worker/task-list';
import { replyToRequest } from '../../lib/requests/reply-to-request';
import { addNote } from '../../lib/requests/staff/add-note';
import { askRequester } from '../../lib/requests/staff/ask-requester';
import { denyRequest } from '../../lib/requests/staff/deny-request';
import { revealRequester } from '../../lib/requests/staff/reveal-requester';
import { startRequest } from '../../lib/requests/staff/start-request';
import { submitRequest } from '../../lib/requests/submit-request';
import { liftLegalHold } from '../../lib/retention/lift-legal-hold';
import { placeLegalHold } from '../../lib/retention/place-legal-hold';
import { purgeExpiredRecords } from '../../lib/retention/purge-expired-records';
import { verifyRequest } from '../../lib/verification/verify-request';
import { runDueJobs } from '../support/jobs';
import { resetDatabase } from '../support/reset-database';
import { aRequest, latestStatusLink, latestVerificationToken } from '../support/requests';
import { aStaffIdentity } from '../support/staff';

let admin: StaffIdentity;
let reviewer: StaffIdentity;
const MONTH = 30 * 86_400_000;

/** Every place personal data of one requester could be, as distinctive strings. */
type Traces = { id: string; strings: string[]; evidence: string[] };

/** A request taken through the real flow, leaving personal data in every table it can reach. */
async function aLivedRequest(tag: string): Promise<Traces> {
  const input = aRequest({
    jurisdiction: 'US-CA',
    types: ['access'],
    name: `Zelda ${tag}`,
    details: `My loyalty number is ${tag}-4711`,
  });
  const ip = `198.51.100.${tag.length + 10}`;
  const userAgent = `PurgeBrowser/${tag}`;
  const created = await submitRequest({ input, channel: 'web', ip, userAgent });
  await verifyRequest({ token: await latestVerificationToken(input.email), ip, userAgent });
  const { token } = await latestStatusLink(input.email);
  await startRequest({ staff: reviewer, requestId: created.id });
  await revealRequester({ staff: reviewer, requestId: created.id });
  await askRequester({
    staff: reviewer,
    requestId: created.id,
    reason: 'awaiting_clarification',
    message: `Which account, ${tag}?`,
  });
  await replyToRequest({ requestId: created.id, token, message: `The one with ${tag}-reply`, ip, userAgent });
  await addNote({ staff: reviewer, requestId: created.id, body: `Called ${tag} back` });
  // A payload with personal data, as an older or future event might carry: the scrub must not trust the code that wrote it.
  await db().$transaction((tx) =>
    recordAuditEvent(tx, {
      requestId: created.id,
      action: 'test.payload',
      actor: { type: 'staff', id: reviewer.id },
      data: { email: input.email, reason: 'kept' },
    }),
  );
  await denyRequest({
    staff: reviewer,
    requestId: created.id,
    reason: 'exempt',
    partial: false,
    message: `Dear Zelda ${tag}, the data is exempt.`,
    basis: `Basis ${tag}: a legal obligation to keep it`,
  });
  const row = await db().privacyRequest.findUniqueOrThrow({ where: { id: created.id } });
  return {
    id: created.id,
    strings: [
      input.email,
      `Zelda ${tag}`,
      `${tag}-4711`,
      ip,
      userAgent,
      `Which account, ${tag}?`,
      `${tag}-reply`,
      `Called ${tag} back`,
      `Basis ${tag}`,
      row.emailHash,
    ],
    evidence: [ip, userAgent],
  };
}

/** Rows of any table (application and job queue) whose text contains `needle`. */
async function tablesContaining(needle: string): Promise<string[]> {
  const tables = await db().$queryRaw<{ name: string }[]>`
    SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname IN ('public', 'graphile_worker')`;
  const found: string[] = [];
  for (const { name } of tables) {
    const [{ n }] = await db().$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${name} t WHERE t::text ILIKE '%' || $1 || '%'`,
      needle,
    );
    if (n > 0) found.push(name);
  }
  return found;
}

let purged: Traces;
let held: Traces;

beforeAll(async () => {
  await resetDatabase();
  admin = await aStaffIdentity('admin');
  reviewer = await aStaffIdentity('reviewer');
  purged = await aLivedRequest('purgeme');
  held = await aLivedRequest('holdme');
});

describe('retention', () => {
  it('runs daily from the crontab', () => {
    expect(crontab).toMatch(/^0 4 \* \* \* purge-expired-records \?fill=1d$/m);
  });

  it('keeps everything inside the window, then purges verification evidence on its shorter window', async () => {
    for (const s of purged.strings) expect(await tablesContaining(s), s).not.toEqual([]);
    expect(await purgeExpiredRecords({ now: new Date(Date.now() + 30 * 86_400_000) })).toEqual({
      evidence: 0,
      identityEvidence: 0,
      requests: 0,
    });
    expect(await purgeExpiredRecords({ now: new Date(Date.now() + 91 * 86_400_000) })).toEqual({
      evidence: 2,
      identityEvidence: 0,
      requests: 0,
    });
    const row = await db().privacyRequest.findUniqueOrThrow({ where: { id: purged.id } });
    expect([row.verifiedIp, row.submittedIp, row.verifiedUserAgent, row.submittedUserAgent]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(row.email).not.toBe('');
    expect(await db().verificationLink.count({ where: { requestId: purged.id } })).toBe(0);
    expect(
      await db().auditEvent.count({
        where: { requestId: purged.id, OR: [{ ip: { not: null } }, { userAgent: { not: null } }] },
      }),
    ).toBe(0);
  });

  it('past the window, removes personal data from every table, keeps the anonymised counts, and spares a held request', async () => {
    await expect(
      placeLegalHold({ staff: reviewer, requestId: held.id, reason: 'Litigation hold L-12' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await placeLegalHold({ staff: admin, requestId: held.id, reason: 'Litigation hold L-12' });
    const year = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000), regime: null };
    const before = await getRequestMetrics({ staff: admin, filter: year });

    const later = new Date(Date.now() + 25 * MONTH);
    expect(await purgeExpiredRecords({ now: later })).toEqual({ evidence: 0, identityEvidence: 0, requests: 1 });

    for (const s of purged.strings) expect(await tablesContaining(s), s).toEqual([]);
    const row = await db().privacyRequest.findUniqueOrThrow({ where: { id: purged.id } });
    expect(row).toMatchObject({
      types: ['access'],
      jurisdiction: 'US-CA',
      status: 'denied',
      denialReason: 'exempt',
      email: '',
      name: null,
      details: null,
      responseMessage: null,
      statusNonce: null,
    });
    expect(row.purgedAt).toEqual(later);
    expect(row.decidedAt).not.toBeNull();
    // The audit trail keeps what happened, without what was said.
    const events = await db().auditEvent.findMany({ where: { requestId: purged.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['request.submitted', 'requester.revealed', 'request.denied', 'request.purged']),
    );
    expect(events.find((e) => e.action === 'test.payload')!.data).toEqual({ reason: 'kept' });
    expect(events.find((e) => e.action === 'request.denied')!.data).toEqual({ reason: 'exempt', partial: false });

    // Metrics for the period are unchanged by the purge.
    const after = await getRequestMetrics({ staff: admin, filter: year });
    expect(after).toEqual(before);
    expect(after.total).toMatchObject({ received: 2, denied: 2, deniedExempt: 2 });

    // The held request keeps everything (but its verification evidence, gone on its own window in the test above).
    for (const s of held.strings.filter((x) => !held.evidence.includes(x)))
      expect(await tablesContaining(s), s).not.toEqual([]);
    const actions = (await db().auditEvent.findMany({ where: { requestId: held.id }, select: { action: true } })).map(
      (e) => e.action,
    );
    expect(actions).toContain('request.legal_hold_placed');

    // Lifted, it goes on the next run — here through the queue job itself.
    await liftLegalHold({ staff: admin, requestId: held.id });
    await db()
      .$executeRaw`UPDATE privacy_request SET closed_at = closed_at - interval '25 months' WHERE id = ${held.id}::uuid`;
    await db().$transaction((tx) => addJob(tx, 'purge-expired-records', {}));
    await runDueJobs();
    for (const s of held.strings) expect(await tablesContaining(s), s).toEqual([]);
    expect(
      (await db().auditEvent.findMany({ where: { requestId: held.id }, select: { action: true } })).map(
        (e) => e.action,
      ),
    ).toEqual(expect.arrayContaining(['request.legal_hold_placed', 'request.legal_hold_lifted', 'request.purged']));
    await expect(placeLegalHold({ staff: admin, requestId: held.id, reason: 'Too late now' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('leaves the audit log append-only outside the purge, and even inside it allows only scrubbing', async () => {
    const id = purged.id;
    await expect(db().$executeRaw`UPDATE audit_event SET ip = NULL WHERE request_id = ${id}::uuid`).rejects.toThrow(
      /append-only/,
    );
    const inPurge = (sql: string) =>
      db().$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('app.retention_purge', 'on', true)`;
        await tx.$executeRawUnsafe(sql, id);
      });
    await expect(inPurge(`DELETE FROM audit_event WHERE request_id = $1::uuid`)).rejects.toThrow(/append-only/);
    await expect(inPurge(`UPDATE audit_event SET action = 'rewritten' WHERE request_id = $1::uuid`)).rejects.toThrow(
      /append-only/,
    );
    await expect(
      inPurge(`UPDATE audit_event SET data = '{"added": true}' WHERE request_id = $1::uuid`),
    ).rejects.toThrow(/append-only/);
    await expect(inPurge(`UPDATE audit_event SET ip = '10.0.0.1' WHERE request_id = $1::uuid`)).rejects.toThrow(
      /append-only/,
    );
  });
});
