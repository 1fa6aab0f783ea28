import { beforeEach, describe, expect, it } from 'vitest';
import { exportAuditLog } from '../../lib/audit/export-audit-log';
import { authOptions } from '../../lib/auth/auth-options';
import { staffIdentity } from '../../lib/auth/current-staff';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { db } from '../../lib/db';
import { getRequestStatus } from '../../lib/requests/get-request-status';
import type { NewRequest } from '../../lib/universal/request-schema';
import { replyToRequest } from '../../lib/requests/reply-to-request';
import { addNote } from '../../lib/requests/staff/add-note';
import { askRequester } from '../../lib/requests/staff/ask-requester';
import { assignRequest } from '../../lib/requests/staff/assign-request';
import { bulkDeny } from '../../lib/requests/staff/bulk-actions';
import { completeRequest } from '../../lib/requests/staff/complete-request';
import { denyRequest } from '../../lib/requests/staff/deny-request';
import { findRequester } from '../../lib/requests/staff/find-requester';
import { getRequestDetail } from '../../lib/requests/staff/get-request-detail';
import { listRequests } from '../../lib/requests/staff/list-requests';
import { reopenRequest } from '../../lib/requests/staff/reopen-request';
import { revealRequester } from '../../lib/requests/staff/reveal-requester';
import { startRequest } from '../../lib/requests/staff/start-request';
import { submitRequest } from '../../lib/requests/submit-request';
import { deactivateStaff } from '../../lib/staff/deactivate-staff';
import { inviteStaff } from '../../lib/staff/invite-staff';
import { verifyRequest } from '../../lib/verification/verify-request';
import { resetDatabase } from '../support/reset-database';
import { aRequest, latestStatusLink, latestVerificationToken } from '../support/requests';
import { aStaffIdentity, aStaffMember } from '../support/staff';

let admin: StaffIdentity;
let reviewer: StaffIdentity;
let viewer: StaffIdentity;

beforeEach(async () => {
  await resetDatabase();
  admin = await aStaffIdentity('admin');
  reviewer = await aStaffIdentity('reviewer');
  viewer = await aStaffIdentity('viewer');
});

async function verified(overrides: Partial<NewRequest> = {}) {
  const input = aRequest(overrides);
  const created = await submitRequest({ input, channel: 'web' });
  await verifyRequest({ token: await latestVerificationToken(input.email) });
  return { input, ...created };
}

const emailsTo = (to: string, template?: string) =>
  db().outboxEmail.findMany({ where: { to, ...(template ? { template } : {}) }, orderBy: { createdAt: 'asc' } });

describe('the queue', () => {
  it('lists open requests due first, masked, filtered, searched by reference or exact email, in keyset pages', async () => {
    const uk = await verified({ jurisdiction: 'UK', types: ['access'], name: 'Ada Lovelace' });
    const ca = await verified({ jurisdiction: 'US-CA', types: ['deletion'] });
    await submitRequest({ input: aRequest(), channel: 'web' }); // unverified: not in the default view

    const all = await listRequests({ staff: viewer, filter: {} });
    expect(all.rows.map((r) => r.id).sort()).toEqual([uk.id, ca.id].sort());
    expect([...all.rows].sort((a, b) => +a.dueAt - +b.dueAt).map((r) => r.id)).toEqual(all.rows.map((r) => r.id));
    const ukRow = all.rows.find((r) => r.id === uk.id)!;
    expect(ukRow.email).not.toContain(uk.input.email.split('@')[0]);
    expect(ukRow.name).toBe('A. L.');
    expect(ukRow.countdown).toBe('on_track');

    expect((await listRequests({ staff: viewer, filter: { type: 'deletion' } })).rows.map((r) => r.id)).toEqual([
      ca.id,
    ]);
    expect((await listRequests({ staff: viewer, filter: { jurisdiction: 'UK' } })).rows.map((r) => r.id)).toEqual([
      uk.id,
    ]);
    expect((await listRequests({ staff: viewer, filter: { q: uk.reference } })).rows.map((r) => r.id)).toEqual([uk.id]);
    expect(
      (await listRequests({ staff: viewer, filter: { q: ` ${ca.input.email.toUpperCase()} ` } })).rows.map((r) => r.id),
    ).toEqual([ca.id]);
    expect((await listRequests({ staff: viewer, filter: { q: ca.input.email.slice(0, 6) } })).rows).toEqual([]);
    // An email search as it travels in the queue's URL: a request's id, never the address.
    const requester = await findRequester({ staff: viewer, email: ` ${ca.input.email.toUpperCase()} ` });
    expect(requester).toBe(ca.id);
    expect((await listRequests({ staff: viewer, filter: { requester } })).rows.map((r) => r.id)).toEqual([ca.id]);
    expect(await findRequester({ staff: viewer, email: 'nobody@example.com' })).toBe('none');
    expect((await listRequests({ staff: viewer, filter: { requester: 'none' } })).rows).toEqual([]);
    await expect(findRequester({ staff: null, email: ca.input.email })).rejects.toThrow(/sign in/i);
    expect((await listRequests({ staff: viewer, filter: { assignee: 'none' } })).rows.length).toBe(2);
    expect((await listRequests({ staff: viewer, filter: { due: 'overdue' } })).rows).toEqual([]);

    await assignRequest({ staff: reviewer, requestId: ca.id, assigneeId: reviewer.id });
    expect((await listRequests({ staff: reviewer, filter: { assignee: 'me' } })).rows.map((r) => r.id)).toEqual([
      ca.id,
    ]);
  });

  it('pages by keyset without gaps or repeats', async () => {
    for (let i = 0; i < 55; i++) await verified({ jurisdiction: i % 2 ? 'UK' : 'BR' });
    const first = await listRequests({ staff: viewer, filter: {} });
    expect(first.rows.length).toBe(50);
    const second = await listRequests({ staff: viewer, filter: { after: first.nextCursor! } });
    expect(second.rows.length).toBe(5);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(55);
  });
});

describe('working a request', () => {
  it('detail masks contact data, hides free text from viewers, and reveal is audited', async () => {
    const r = await verified({ details: 'My old address was 1 Main St' });
    const asViewer = await getRequestDetail({ staff: viewer, requestId: r.id });
    expect(asViewer.submitted.details).toBe('[hidden for your role]');
    expect(asViewer.submitted.email).not.toBe(r.input.email);
    expect(asViewer.deadline.explanation.length).toBeGreaterThan(1);
    const asReviewer = await getRequestDetail({ staff: reviewer, requestId: r.id });
    expect(asReviewer.submitted.details).toBe('My old address was 1 Main St');
    await expect(revealRequester({ staff: viewer, requestId: r.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await revealRequester({ staff: reviewer, requestId: r.id })).email).toBe(r.input.email);
    expect(
      await db().auditEvent.count({ where: { requestId: r.id, action: 'requester.revealed', actorId: reviewer.id } }),
    ).toBe(1);
  });

  it('ask -> the requester answers on the status page -> the clock resumes and the assignee is told', async () => {
    const r = await verified({ jurisdiction: 'UK' });
    await assignRequest({ staff: admin, requestId: r.id, assigneeId: reviewer.id });
    expect((await emailsTo(reviewer.email, 'staff-notice')).map((e) => e.subject)).toEqual([
      `${r.reference} was assigned to you`,
    ]);
    await startRequest({ staff: reviewer, requestId: r.id });
    const { clockPaused } = await askRequester({
      staff: reviewer,
      requestId: r.id,
      reason: 'awaiting_clarification',
      message: 'Which organization is the account in?',
    });
    expect(clockPaused).toBe(true);
    const ask = (await emailsTo(r.input.email, 'requester-message'))[0];
    expect(ask.text).toContain('Which organization is the account in?');
    const link = await latestStatusLink(r.input.email);
    expect((await getRequestStatus(link)).status).toBe('awaiting_requester');

    await replyToRequest({ ...link, message: 'Acme Research <b>Ltd</b>' });
    const detail = await getRequestDetail({ staff: reviewer, requestId: r.id });
    expect(detail.status).toBe('in_progress');
    expect(detail.messages.map((m) => [m.direction, m.body])).toEqual([
      ['to_requester', 'Which organization is the account in?'],
      ['from_requester', 'Acme Research <b>Ltd</b>'],
    ]);
    expect(detail.pauses.every((p) => p.endedAt)).toBe(true);
    expect((await emailsTo(reviewer.email, 'staff-notice')).at(-1)!.subject).toBe(
      `The requester answered on ${r.reference}`,
    );
    await expect(replyToRequest({ ...link, message: 'again' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a denial carries the notices of the regime', async () => {
    const cases = [
      { jurisdiction: 'EU' as const, expect: /supervisory authority.*judicial remedy/ },
      { jurisdiction: 'UK' as const, expect: /Information Commissioner/ },
      { jurisdiction: 'US-VA' as const, expect: /appeal this decision within 60 days[\s\S]*Virginia Attorney General/ },
      { jurisdiction: 'US-CO' as const, expect: /Colorado Attorney General/ },
      { jurisdiction: 'CA' as const, expect: /Privacy Commissioner of Canada/ },
    ];
    for (const c of cases) {
      const r = await verified({ jurisdiction: c.jurisdiction });
      await denyRequest({
        staff: reviewer,
        requestId: r.id,
        reason: 'cannot_verify',
        partial: false,
        message: 'We could not match you to an account.',
      });
      const [email] = await emailsTo(r.input.email, 'request-decided');
      expect(email.subject).toMatch(/We cannot fulfil your privacy request/);
      expect(email.text.replace(/\s+/g, ' ')).toMatch(c.expect);
      expect(email.text).toContain('we could not verify your identity');
      const row = await db().privacyRequest.findUniqueOrThrow({ where: { id: r.id } });
      expect(row).toMatchObject({ status: 'denied', denialReason: 'cannot_verify', decidedById: reviewer.id });
    }
  });

  it('completing needs in_progress; reopening is for admins and audited', async () => {
    const r = await verified();
    await expect(
      completeRequest({ staff: reviewer, requestId: r.id, message: 'Here is your data summary.' }),
    ).rejects.toThrow(/verified and not yet started cannot be completed/);
    await startRequest({ staff: reviewer, requestId: r.id });
    await completeRequest({ staff: reviewer, requestId: r.id, message: 'Here is your data summary.' });
    expect((await getRequestStatus(await latestStatusLink(r.input.email))).status).toBe('completed');
    await expect(
      reopenRequest({ staff: reviewer, requestId: r.id, reason: 'Sent to the wrong person' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await reopenRequest({ staff: admin, requestId: r.id, reason: 'Sent the wrong file' });
    const row = await db().privacyRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(row.status).toBe('in_progress');
    expect(await db().auditEvent.count({ where: { requestId: r.id, action: 'request.reopened' } })).toBe(1);
  });

  it('viewers cannot work requests; every action leaves an audit event in its transaction', async () => {
    const r = await verified();
    await expect(addNote({ staff: viewer, requestId: r.id, body: 'hi' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await addNote({ staff: reviewer, requestId: r.id, body: 'Called the billing team.' });
    const detail = await getRequestDetail({ staff: reviewer, requestId: r.id });
    expect(detail.notes.map((n) => n.body)).toEqual(['Called the billing team.']);
    expect((await getRequestDetail({ staff: viewer, requestId: r.id })).notes).toEqual([]);
  });

  it('bulk deny is all or nothing', async () => {
    const a = await verified();
    const b = await verified();
    const closed = await verified();
    await denyRequest({
      staff: admin,
      requestId: closed.id,
      reason: 'other',
      partial: false,
      message: 'Closed for another reason.',
    });
    await expect(
      bulkDeny({
        staff: admin,
        requestIds: [a.id, b.id, closed.id],
        reason: 'duplicate',
        message: 'This repeats your earlier request.',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('verified');
    expect(
      await bulkDeny({
        staff: admin,
        requestIds: [a.id, b.id],
        reason: 'duplicate',
        message: 'This repeats your earlier request.',
      }),
    ).toBe(2);
    await expect(
      bulkDeny({
        staff: reviewer,
        requestIds: [a.id],
        reason: 'duplicate',
        message: 'This repeats your earlier request.',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('two bulk denials at once both go through, although their requests share counting rows in opposite orders', async () => {
    // Requests received the same day in two places: each denial adds to its place's row of
    // request_outcome_rollup, so one batch takes UK then US-CA, the other US-CA then UK, and
    // PostgreSQL breaks the deadlock by aborting one (about every other round without the retry).
    for (let round = 0; round < 3; round += 1) {
      const batches: string[][] = [[], []];
      for (let i = 0; i < 8; i += 1)
        batches[i % 2].push((await verified({ jurisdiction: i % 4 < 2 ? 'UK' : 'US-CA' })).id);
      batches[1].reverse();
      const denied = await Promise.all(
        batches.map((requestIds) =>
          bulkDeny({ staff: admin, requestIds, reason: 'duplicate', message: 'This repeats your earlier request.' }),
        ),
      );
      expect(denied).toEqual([4, 4]);
      expect(await db().privacyRequest.count({ where: { id: { in: batches.flat() }, status: 'denied' } })).toBe(8);
    }
  });

  it('a verified request notifies the admins', async () => {
    const r = await verified();
    expect((await emailsTo(admin.email, 'staff-notice')).map((e) => e.subject)).toEqual([
      `New privacy request ${r.reference}`,
    ]);
    expect(await emailsTo(reviewer.email, 'staff-notice')).toEqual([]);
  });
});

describe('staff accounts and sign-in', () => {
  it('an invited person can get a sign-in link; a stranger gets nothing and the same answer', async () => {
    const invited = await inviteStaff({ staff: admin, input: { email: 'New.Person@Example.com', role: 'reviewer' } });
    expect(invited.email).toBe('new.person@example.com');
    const options = authOptions();
    const email = options.providers.find((p) => p.id === 'email') as unknown as {
      options: { sendVerificationRequest: (p: { identifier: string; url: string }) => Promise<void> };
    };
    await email.options.sendVerificationRequest({
      identifier: 'new.person@example.com',
      url: 'http://portal.test/api/auth/callback/email?callbackUrl=%2Fadmin&token=abc&email=new.person%40example.com',
    });
    await email.options.sendVerificationRequest({
      identifier: 'stranger@example.com',
      url: 'http://portal.test/api/auth/callback/email?token=def',
    });
    const sent = await emailsTo('new.person@example.com', 'staff-sign-in');
    expect(sent.length).toBe(1);
    // The link carries its token, never the address; the token alone finds it, once.
    expect(sent[0].text).toContain('http://portal.test/api/auth/callback/email?callbackUrl=%2Fadmin&token=abc');
    expect(sent[0].text + sent[0].html).not.toMatch(/email=new/);
    expect((await emailsTo('stranger@example.com')).length).toBe(0);
    const adapter = options.adapter!;
    expect(
      await adapter.createVerificationToken!({
        identifier: 'stranger@example.com',
        token: 'hashed',
        expires: new Date(Date.now() + 60_000),
      }),
    ).toBeNull();
    const expires = new Date(Date.now() + 60_000);
    await adapter.createVerificationToken!({ identifier: 'new.person@example.com', token: 'hashed-abc', expires });
    expect(await adapter.useVerificationToken!({ token: 'hashed-abc' } as never)).toEqual({
      identifier: 'new.person@example.com',
      token: 'hashed-abc',
      expires,
    });
    expect(await adapter.useVerificationToken!({ token: 'hashed-abc' } as never)).toBeNull();
    await expect(adapter.createUser!({ email: 'stranger@example.com', emailVerified: null } as never)).rejects.toThrow(
      /invitation only/,
    );
    const signIn = options.callbacks!.signIn!;
    expect(await signIn({ user: { id: 'x', email: 'stranger@example.com' }, account: null, email: {} } as never)).toBe(
      false,
    );
    expect(
      await signIn({ user: { id: 'x', email: 'new.person@example.com' }, account: null, email: {} } as never),
    ).toBe(true);
  });

  it('deactivating someone ends their sessions and their sign-in', async () => {
    const person = await aStaffMember('reviewer');
    await db().session.create({
      data: { sessionToken: `s-${Date.now()}`, userId: person.id, expires: new Date(Date.now() + 3600_000) },
    });
    await deactivateStaff({ staff: admin, userId: person.id });
    expect(await db().session.count({ where: { userId: person.id } })).toBe(0);
    expect(await staffIdentity(person.id)).toBeNull();
    await expect(deactivateStaff({ staff: admin, userId: admin.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('the audit log export', () => {
  it('streams the range as CSV, neutralises formulas, and is itself audited', async () => {
    const r = await verified({ name: '=HYPERLINK("http://evil")' });
    await addNote({ staff: reviewer, requestId: r.id, body: 'ok' });
    let csv = '';
    for await (const chunk of exportAuditLog({
      staff: admin,
      from: new Date(Date.now() - 3600_000),
      to: new Date(Date.now() + 3600_000),
    }))
      csv += chunk;
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,at,action,actor_type,actor_id,actor_email,request_id,request_reference,ip,user_agent,public,summary,data',
    );
    expect(csv).toContain('request.submitted');
    expect(csv).toContain('note.added');
    expect(csv).toContain(r.reference);
    expect(await db().auditEvent.count({ where: { action: 'audit.exported' } })).toBe(1);
    const gen = exportAuditLog({ staff: reviewer, from: new Date(0), to: new Date() });
    await expect(gen.next()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
