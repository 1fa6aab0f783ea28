import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET as statusPage } from '../../app/(public)/status/[id]/route';
import { notifyDeadline } from '../../lib/clock/notify-deadline';
import { listOpenComplaints } from '../../lib/complaints/list-open-complaints';
import { resolveComplaint } from '../../lib/complaints/resolve-complaint';
import { MAX_OPEN_COMPLAINTS, submitComplaint } from '../../lib/complaints/submit-complaint';
import { db } from '../../lib/db';
import { closeNotifyTask } from '../../lib/fulfilment/close-notify-task';
import { recipientsTold } from '../../lib/fulfilment/recipients-told';
import { updateManualTask } from '../../lib/fulfilment/update-manual-task';
import { getComplaintMetrics } from '../../lib/metrics/complaint-metrics';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { completeRequest } from '../../lib/requests/staff/complete-request';
import { startRequest } from '../../lib/requests/staff/start-request';
import { submitRequest } from '../../lib/requests/submit-request';
import type { NewRequest } from '../../lib/universal/request-schema';
import { verifyRequest } from '../../lib/verification/verify-request';
import { queuedJobs, resetDatabase } from '../support/reset-database';
import { aRequest, latestStatusLink, latestVerificationToken } from '../support/requests';
import { aStaffIdentity } from '../support/staff';

let admin: StaffIdentity;
let reviewer: StaffIdentity;
let viewer: StaffIdentity;
let otherSystems: string[] = [];

// Other files' inventories stay out of the way: this file works with one manual system of its own.
beforeAll(async () => {
  otherSystems = (await db().dataSystem.findMany({ where: { active: true }, select: { id: true } })).map((s) => s.id);
  await db().dataSystem.updateMany({ where: { id: { in: otherSystems } }, data: { active: false } });
});

afterAll(async () => {
  await resetDatabase();
  await db().dataSystem.deleteMany({ where: { key: 'recipients-test-crm' } });
  await db().dataSystem.updateMany({ where: { id: { in: otherSystems } }, data: { active: true } });
});

beforeEach(async () => {
  await resetDatabase();
  await db().dataSystem.deleteMany({ where: { key: 'recipients-test-crm' } });
  admin = await aStaffIdentity('admin');
  reviewer = await aStaffIdentity('reviewer');
  viewer = await aStaffIdentity('viewer');
  await db().dataSystem.create({
    data: {
      key: 'recipients-test-crm',
      name: 'CRM',
      kind: 'manual',
      taskTypes: ['collect', 'erase', 'correct', 'restrict'],
      checklist: ['Find the person', 'Apply the change'],
    },
  });
  await db().dataRecipient.createMany({
    data: [
      { key: 'mailer', name: 'Mailer Ltd', role: 'processor', categories: ['Contact'], contact: 'dpo@mailer.test' },
      {
        key: 'partner',
        name: 'Partner Co',
        role: 'third_party',
        categories: ['Usage'],
        contact: 'privacy@partner.test',
      },
      { key: 'old', name: 'Former Vendor', role: 'processor', categories: [], contact: 'x@old.test', active: false },
    ],
  });
});

async function started(overrides: Partial<NewRequest>) {
  const input = aRequest(overrides);
  const created = await submitRequest({ input, channel: 'web' });
  await verifyRequest({ token: await latestVerificationToken(input.email) });
  // Identity proof has its own tests: here every request has what a deletion needs (CCPA regs §7062(d)).
  await db().privacyRequest.update({ where: { id: created.id }, data: { verificationLevel: 'reasonable' } });
  await startRequest({ staff: reviewer, requestId: created.id });
  return { input, id: created.id, link: await latestStatusLink(input.email) };
}

async function tasksOf(requestId: string) {
  return db().fulfilmentTask.findMany({
    where: { requestId },
    include: { recipient: true, system: true },
    orderBy: { createdAt: 'asc' },
  });
}

async function finishByHand(staff: StaffIdentity, taskId: string) {
  await updateManualTask({ staff, taskId, done: [0, 1], result: 'Done as asked.', finish: true });
}

describe('telling the recipients (GDPR Art. 19, LGPD Art. 18 §6, CCPA regs §7022(b))', () => {
  it('GDPR Art. 19: completing an erasure creates one notify task per active recipient; closing one as disproportionate is audited', async () => {
    const r = await started({ jurisdiction: 'EU', types: ['deletion'] });
    const [erase] = await tasksOf(r.id);
    expect(erase).toMatchObject({ type: 'erase', system: { name: 'CRM' } });
    // Nothing is told before the erasure is carried out.
    expect((await tasksOf(r.id)).filter((t) => t.type === 'notify_recipient')).toHaveLength(0);

    await finishByHand(reviewer, erase.id);
    const notify = (await tasksOf(r.id)).filter((t) => t.type === 'notify_recipient');
    expect(notify.map((t) => t.recipient?.name).sort()).toEqual(['Mailer Ltd', 'Partner Co']);
    expect(notify.every((t) => t.status === 'open' && t.systemId === null)).toBe(true);
    expect(notify[0].checklist).toEqual(
      expect.arrayContaining([expect.objectContaining({ label: expect.stringContaining('erased') })]),
    );
    expect(await db().auditEvent.count({ where: { requestId: r.id, action: 'recipient-tasks.created' } })).toBe(1);

    // The request cannot be completed while a recipient is untold.
    await expect(
      completeRequest({ staff: reviewer, requestId: r.id, message: 'We erased your data everywhere.' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const mailer = notify.find((t) => t.recipient?.name === 'Mailer Ltd')!;
    const partner = notify.find((t) => t.recipient?.name === 'Partner Co')!;
    await expect(
      closeNotifyTask({ staff: viewer, taskId: partner.id, ground: 'disproportionate', reason: 'No contact at all.' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      closeNotifyTask({ staff: reviewer, taskId: partner.id, ground: 'disproportionate', reason: 'short' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await closeNotifyTask({
      staff: reviewer,
      taskId: partner.id,
      ground: 'disproportionate',
      reason: 'The partnership ended in 2019 and the company was dissolved.',
    });
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { requestId: r.id, action: 'task.recipient-not-told' },
    });
    expect(audit).toMatchObject({ actorType: 'staff', actorId: reviewer.id });
    expect(audit.data).toMatchObject({ taskId: partner.id, recipient: 'Partner Co', ground: 'disproportionate' });
    expect(await db().fulfilmentTask.findUniqueOrThrow({ where: { id: partner.id } })).toMatchObject({
      status: 'closed',
      notTold: 'disproportionate',
      closedById: reviewer.id,
    });

    await finishByHand(reviewer, mailer.id);
    // The requester learns who the recipients are; the staff reason stays internal under the GDPR.
    const told = await recipientsTold(r.id);
    expect(told).toEqual([
      expect.objectContaining({ name: 'Mailer Ltd', state: 'told', explanation: null }),
      expect.objectContaining({
        name: 'Partner Co',
        state: 'not_told',
        notToldLabel: expect.stringContaining('disproportionate'),
        explanation: null,
      }),
    ]);
    expect(JSON.stringify(told)).not.toContain('dpo@mailer.test');
    // Art. 19, last sentence: the requester's own status page names them, never their contacts.
    const page = await (
      await statusPage(new Request(`http://portal.test/status/${r.id}?token=${r.link.token}`), {
        params: Promise.resolve({ id: r.id }),
      })
    ).text();
    expect(page).toContain('Who we tell about the change');
    expect(page).toContain('Mailer Ltd');
    expect(page).toContain('Partner Co');
    expect(page).not.toContain('Former Vendor');
    expect(page).not.toContain('dpo@mailer.test');
    expect(page).not.toContain('The partnership ended in 2019');

    await completeRequest({ staff: reviewer, requestId: r.id, message: 'We erased your data everywhere.' });
    const decided = await db().outboxEmail.findFirstOrThrow({
      where: { to: r.input.email, template: 'request-decided' },
    });
    expect(decided.text).toContain('Mailer Ltd');
  });

  it('CCPA regs §7022(b)(2)-(3): a service provider must be told to delete; a third party may be skipped, with the explanation shown to the consumer', async () => {
    const r = await started({ jurisdiction: 'US-CA', types: ['deletion'] });
    const [erase] = await tasksOf(r.id);
    await finishByHand(reviewer, erase.id);
    const notify = (await tasksOf(r.id)).filter((t) => t.type === 'notify_recipient');
    const mailer = notify.find((t) => t.recipient?.name === 'Mailer Ltd')!;
    const partner = notify.find((t) => t.recipient?.name === 'Partner Co')!;
    await expect(
      closeNotifyTask({
        staff: reviewer,
        taskId: mailer.id,
        ground: 'disproportionate',
        reason: 'It would take too long.',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const explanation = 'Partner Co was dissolved in 2019; no successor holds the data and no contact exists.';
    await closeNotifyTask({ staff: reviewer, taskId: partner.id, ground: 'impossible', reason: explanation });
    const told = await recipientsTold(r.id);
    expect(told.find((t) => t.name === 'Partner Co')).toMatchObject({ state: 'not_told', explanation });
    expect(told.find((t) => t.name === 'Mailer Ltd')).toMatchObject({ state: 'pending' });
  });

  it('LGPD Art. 18 §6 and GDPR Art. 19 cover corrections and restrictions; access requests and US-VA deletions tell nobody', async () => {
    for (const [jurisdiction, types, expected] of [
      ['BR', ['correction'], 2],
      ['UK', ['restriction'], 2],
      ['EU', ['access'], 0],
      ['US-VA', ['deletion'], 0],
    ] as const) {
      const r = await started({ jurisdiction, types: [...types], details: 'My surname is Lovelace.' });
      for (const t of (await tasksOf(r.id)).filter((t) => t.system)) await finishByHand(reviewer, t.id);
      const notify = (await tasksOf(r.id)).filter((t) => t.type === 'notify_recipient');
      expect(notify, `${jurisdiction} ${types}`).toHaveLength(expected);
      if (types[0] === 'correction') expect(notify[0].change).toBe('My surname is Lovelace.');
    }
  });
});

describe('complaints to us (UK DPA 2018 s.164A)', () => {
  const received = new Date('2026-12-02T10:00:00Z');

  it('s.164A(3)-(4): a UK complaint from the status page is stored, acknowledged by email, scheduled, listed, resolved and counted', async () => {
    const r = await started({ jurisdiction: 'UK', types: ['access'] });
    await expect(submitComplaint({ ...r.link, statement: 'short', now: received })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(
      submitComplaint({
        requestId: r.id,
        token: 'x'.repeat(43),
        statement: 'You kept my data too long.',
        now: received,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const complaint = await submitComplaint({
      ...r.link,
      statement: 'You kept my data after I closed my account.',
      ip: '203.0.113.7',
      now: received,
    });
    const row = await db().requestComplaint.findUniqueOrThrow({ where: { id: complaint.id } });
    expect(row).toMatchObject({
      requestId: r.id,
      jurisdiction: 'UK',
      statement: 'You kept my data after I closed my account.',
      acknowledgedAt: received,
      // 30 days beginning with 2 December: the end of 31 December, London time (GMT in winter).
      acknowledgeBy: new Date('2026-12-31T23:59:59.999Z'),
      respondBy: new Date('2026-12-31T23:59:59.999Z'),
    });

    // Acknowledged by email, naming the ICO.
    const ack = await db().outboxEmail.findFirstOrThrow({
      where: { to: r.input.email, template: 'complaint-received' },
    });
    expect(ack.text).toContain('2 December 2026');
    expect(ack.text).toContain('31 December 2026');
    expect(ack.text).toContain('Information Commissioner');

    // Its deadline jobs are on the queue.
    const jobs = await queuedJobs('deadline-reminder');
    const overdue = jobs.find((j) => j.key === `complaint-deadline:${complaint.id}:overdue`);
    expect(overdue?.payload).toMatchObject({ complaintId: complaint.id, kind: 'overdue' });
    expect(overdue?.run_at.toISOString()).toBe('2026-12-31T23:59:59.999Z');

    // Staff see it in their list, due first; a viewer sees no free text.
    const listed = await listOpenComplaints({ staff: reviewer, now: received });
    expect(listed).toEqual([
      expect.objectContaining({ id: complaint.id, statement: 'You kept my data after I closed my account.' }),
    ]);
    expect((await listOpenComplaints({ staff: viewer, now: received }))[0].statement).toBeNull();

    // Overdue: every admin is told in their digest.
    await notifyDeadline({
      requestId: r.id,
      complaintId: complaint.id,
      kind: 'overdue',
      dueAt: row.respondBy.toISOString(),
      now: new Date('2027-01-02T09:00:00Z'),
    });
    expect(await db().staffNotification.count({ where: { kind: 'complaint_overdue', userId: admin.id } })).toBe(1);

    await expect(
      resolveComplaint({ staff: viewer, complaintId: complaint.id, message: 'We have looked into it.' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const resolvedAt = new Date('2026-12-20T12:00:00Z');
    await resolveComplaint({
      staff: reviewer,
      complaintId: complaint.id,
      message: 'We deleted the remaining records and changed our retention job.',
      now: resolvedAt,
    });
    await expect(
      resolveComplaint({ staff: reviewer, complaintId: complaint.id, message: 'A second outcome.', now: resolvedAt }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await db().requestComplaint.findUniqueOrThrow({ where: { id: complaint.id } })).toMatchObject({
      resolvedAt,
      resolvedById: reviewer.id,
    });
    const outcome = await db().outboxEmail.findFirstOrThrow({
      where: { to: r.input.email, template: 'complaint-resolved' },
    });
    expect(outcome.text).toContain('changed our retention job');
    expect(
      await db().auditEvent.findFirst({
        where: { requestId: r.id, action: 'complaint.resolved', actorId: reviewer.id },
      }),
    ).not.toBeNull();
    expect((await queuedJobs('deadline-reminder')).filter((j) => j.key?.startsWith('complaint-deadline:'))).toEqual([]);
    // Answered, it stays in the list for a week, marked answered, then leaves it.
    expect(await listOpenComplaints({ staff: reviewer, now: resolvedAt })).toEqual([
      expect.objectContaining({ id: complaint.id, resolvedAt }),
    ]);
    expect(await listOpenComplaints({ staff: reviewer, now: new Date('2026-12-28T00:00:00Z') })).toEqual([]);

    const metrics = await getComplaintMetrics({
      staff: reviewer,
      filter: { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-03T00:00:00Z'), regime: 'UK' },
      now: resolvedAt,
    });
    expect(metrics).toEqual({
      received: 1,
      acknowledgedOnTime: 1,
      resolved: 1,
      resolvedOnTime: 1,
      open: 0,
      overdue: 0,
    });
    const otherRegime = await getComplaintMetrics({
      staff: reviewer,
      filter: { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-03T00:00:00Z'), regime: 'EU' },
      now: resolvedAt,
    });
    expect(otherRegime.received).toBe(0);
  });

  it('complaints are offered in every regime on the policy clock, without a UK authority; a request holds a few open at most', async () => {
    const r = await started({ jurisdiction: 'US-CA', types: ['access'] });
    for (let i = 0; i < MAX_OPEN_COMPLAINTS; i += 1)
      await submitComplaint({ ...r.link, statement: `Complaint number ${i + 1} about my data.`, now: received });
    await expect(
      submitComplaint({ ...r.link, statement: 'One complaint too many.', now: received }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const ack = await db().outboxEmail.findFirstOrThrow({
      where: { to: r.input.email, template: 'complaint-received' },
    });
    expect(ack.text).not.toContain('Information Commissioner');
    const metrics = await getComplaintMetrics({
      staff: admin,
      filter: { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-03T00:00:00Z'), regime: null },
      now: new Date('2027-02-01T00:00:00Z'),
    });
    expect(metrics).toMatchObject({ received: MAX_OPEN_COMPLAINTS, open: MAX_OPEN_COMPLAINTS, overdue: 3 });
  });
});
