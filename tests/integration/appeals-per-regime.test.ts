/**
 * Appeals per regime (rights-law.md §5) and the US state picked on the form: Colorado decides in 45
 * days with one 60-day extension noticed within them (C.R.S. 6-1-1306(3)(b)); Virginia in 60 days
 * with none (Va. Code §59.1-577(C)); each state's clock from its own rules.
 */
import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as postRequestForm } from '../../app/(public)/route';
import { extendAppeal } from '../../lib/appeals/extend-appeal';
import { submitAppeal } from '../../lib/appeals/submit-appeal';
import { extendDeadline } from '../../lib/clock/extend-deadline';
import { formStartedStamp } from '../../lib/abuse/form-guard';
import { db } from '../../lib/db';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { denyRequest } from '../../lib/requests/staff/deny-request';
import { submitRequest } from '../../lib/requests/submit-request';
import type { Jurisdiction } from '../../lib/universal/codes';
import { verifyRequest } from '../../lib/verification/verify-request';
import { queuedJobs, resetDatabase } from '../support/reset-database';
import { aRequest, latestStatusLink, latestVerificationToken } from '../support/requests';
import { aStaffIdentity } from '../support/staff';

const DAY = 86_400_000;
// Wed 2 Dec 2026, 08:00 in Denver; every step below happens at an instant counted from it.
const T0 = new Date('2026-12-02T15:00:00Z');
const laterBy = (days: number) => new Date(T0.getTime() + days * DAY);
const localDay = (instant: Date, zone: string) => DateTime.fromJSDate(instant, { zone }).toISODate();

let denier: StaffIdentity;
let otherAdmin: StaffIdentity;
let reviewer: StaffIdentity;

beforeEach(async () => {
  await resetDatabase();
  denier = await aStaffIdentity('admin');
  otherAdmin = await aStaffIdentity('admin');
  reviewer = await aStaffIdentity('reviewer');
});

/** A request received at T0, denied on day 1, appealed on day 2 (Fri 4 Dec 2026). */
async function appealed(jurisdiction: Jurisdiction) {
  const input = aRequest({ jurisdiction, types: ['deletion'] });
  const created = await submitRequest({ input, channel: 'web', now: T0 });
  await verifyRequest({ token: await latestVerificationToken(input.email), now: new Date(T0.getTime() + 3_600_000) });
  await denyRequest({
    staff: denier,
    requestId: created.id,
    reason: 'exempt',
    partial: false,
    message: 'The data is exempt from this right.',
    basis: 'records kept to comply with a legal obligation (e.g. Va. Code §59.1-582(A)(1))',
  });
  // denyRequest stamps the decision with the wall clock; the test fixes it on day 1.
  await db().privacyRequest.update({ where: { id: created.id }, data: { decidedAt: laterBy(1) } });
  const link = await latestStatusLink(input.email);
  const appeal = await submitAppeal({
    ...link,
    statement: 'The data is not exempt; please look again.',
    now: laterBy(2),
  });
  return { input, requestId: created.id, appeal };
}

const reason = 'Your appeal covers several systems that we are checking again.';

describe('appeal decision periods per regime', () => {
  it('C.R.S. 6-1-1306(3)(b): a Colorado appeal is due in 45 days; Va. Code §59.1-577(C): a Virginia one in 60', async () => {
    const co = await appealed('US-CO');
    expect(localDay(co.appeal.dueAt, 'America/Denver')).toBe('2027-01-18');
    const va = await appealed('US-VA');
    expect(localDay(va.appeal.dueAt, 'America/New_York')).toBe('2027-02-02');
  });
});

describe('extending an appeal', () => {
  it('C.R.S. 6-1-1306(3)(b): in Colorado, once, by 60 days, audited, with an email naming the Attorney General', async () => {
    const { input, requestId, appeal } = await appealed('US-CO');
    await expect(
      extendAppeal({ staff: reviewer, appealId: appeal.id, reason, now: laterBy(10) }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      extendAppeal({ staff: otherAdmin, appealId: appeal.id, reason: 'short', now: laterBy(10) }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    const extended = await extendAppeal({ staff: otherAdmin, appealId: appeal.id, reason, now: laterBy(10) });
    // 45 + 60 = 105 days from Fri 4 Dec 2026, to the end of that day in Denver.
    expect(localDay(extended.dueAt, 'America/Denver')).toBe('2027-03-19');
    const row = await db().requestAppeal.findUniqueOrThrow({ where: { id: appeal.id } });
    expect(row).toMatchObject({
      extendedAt: laterBy(10),
      extensionReason: reason,
      dueAt: extended.dueAt,
      status: 'pending',
    });

    const event = await db().auditEvent.findFirstOrThrow({ where: { requestId, action: 'appeal.extended' } });
    expect(event).toMatchObject({ actorType: 'staff', actorId: otherAdmin.id });
    expect(event.summary).toBe('We need more time to decide your appeal; we will decide by 19 March 2027');

    const email = await db().outboxEmail.findFirstOrThrow({ where: { to: input.email, template: 'appeal-extended' } });
    expect(email.subject).toMatch(/more time to decide your appeal/);
    expect(email.text).toContain(reason);
    expect(email.text).toContain('18 January 2027');
    expect(email.text).toContain('19 March 2027');
    expect(email.text).toContain('Colorado Attorney General');
    expect(email.text).toContain('https://coag.gov/file-complaint/');

    // The reminders and the escalation follow the new date.
    const overdue = (await queuedJobs()).filter((j) => j.key?.includes(appeal.id) && j.key.includes('overdue'));
    expect(overdue.length).toBe(1);
    expect(overdue[0].run_at.getTime()).toBeGreaterThan(extended.dueAt.getTime() - DAY);

    await expect(
      extendAppeal({ staff: otherAdmin, appealId: appeal.id, reason, now: laterBy(11) }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/one extension/),
    });
    expect(await db().outboxEmail.count({ where: { to: input.email, template: 'appeal-extended' } })).toBe(1);
  });

  it('Va. Code §59.1-577(C): is refused in Virginia, which has no extension; nothing is sent or recorded', async () => {
    const { input, requestId, appeal } = await appealed('US-VA');
    await expect(
      extendAppeal({ staff: otherAdmin, appealId: appeal.id, reason, now: laterBy(10) }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/US-VA allows no extension/),
    });
    expect(await db().requestAppeal.findUniqueOrThrow({ where: { id: appeal.id } })).toMatchObject({
      extendedAt: null,
      dueAt: appeal.dueAt,
    });
    expect(await db().outboxEmail.count({ where: { to: input.email, template: 'appeal-extended' } })).toBe(0);
    expect(await db().auditEvent.count({ where: { requestId, action: 'appeal.extended' } })).toBe(0);
  });

  it('C.R.S. 6-1-1306(3)(b): is refused once the 45 days have passed, since the notice must come within them', async () => {
    const { input, appeal } = await appealed('US-CO');
    // Due at the end of 18 Jan 2027 in Denver; the next morning is too late.
    await expect(
      extendAppeal({ staff: otherAdmin, appealId: appeal.id, reason, now: new Date('2027-01-19T15:00:00Z') }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/decision period has passed/) });
    expect(await db().outboxEmail.count({ where: { to: input.email, template: 'appeal-extended' } })).toBe(0);
    // On its last day it is still allowed.
    await expect(
      extendAppeal({ staff: otherAdmin, appealId: appeal.id, reason, now: new Date('2027-01-19T05:00:00Z') }),
    ).resolves.toMatchObject({ dueAt: expect.any(Date) });
  });
});

describe('the state picked on the form', () => {
  const formPost = (email: string, jurisdiction: string) =>
    postRequestForm(
      new Request('http://portal.test/', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'http://portal.test',
          host: 'portal.test',
        },
        body: new URLSearchParams([
          ['email', email],
          ['jurisdiction', jurisdiction],
          ['types', 'access'],
          ['confirm', 'on'],
          ['formStartedAt', formStartedStamp(new Date(Date.now() - 60_000))],
        ]),
      }),
    );

  it.each([
    ['US-IA', 'Iowa Code §715D.4(2)', 90, 'America/Chicago'],
    ['US-TX', 'Tex. Bus. & Com. Code §541.052(b)', 45, 'America/Chicago'],
    ['US-OR', 'ORS 646A.576(4)', 45, 'America/Los_Angeles'],
    ['CA-QC', 'P-39.1 s.32', 30, 'America/Toronto'],
  ])(
    '%s (%s) reaches its own clock: %i days, due at the end of the day in %s',
    async (jurisdiction, _c, days, zone) => {
      const email = `form.${jurisdiction.toLowerCase()}.${Date.now()}@example.com`;
      const res = await formPost(email, jurisdiction);
      expect(res.status).toBeLessThan(400);
      const row = await db().privacyRequest.findFirstOrThrow({ where: { email } });
      expect(row.jurisdiction).toBe(jurisdiction);
      const received = DateTime.fromJSDate(row.receivedAt, { zone });
      expect(localDay(row.dueAt, zone)).toBe(received.plus({ days }).toISODate());
      expect(DateTime.fromJSDate(row.dueAt, { zone }).toFormat('HH:mm:ss.SSS')).toBe('23:59:59.999');
    },
  );

  it('P-39.1 s.32: a Quebec requester is told in French that there is no extension and that silence is a refusal', async () => {
    const email = `form.quebec.${Date.now()}@example.com`;
    await formPost(email, 'CA-QC');
    await verifyRequest({ token: await latestVerificationToken(email) });
    const received = await db().outboxEmail.findFirstOrThrow({ where: { to: email, template: 'request-received' } });
    expect(received.text).toMatch(/la loi ne permet pas de prolonger ce délai/);
    expect(received.text).toMatch(/réputée refusée/);
    expect(received.text).toContain("Commission d'accès à l'information du Québec");
    // Marked with Quebec's French (fr-CA), the language it is written in.
    expect(received.html).toMatch(/<p lang="fr-CA"[^>]*>Nous devons répondre à votre demande/);
  });
});

describe('the request extension email names the authority of the regime', () => {
  it.each([
    ['CA', 'PIPEDA s.8(4)', /complain about this extension to the Office of the Privacy Commissioner of Canada/],
    ['US-TX', 'Tex. Bus. & Com. Code ch. 541', /complain about this extension to the Texas Attorney General/],
    ['UK', 'UK GDPR Art. 12(3), 77', /complain about this extension to the Information Commissioner's Office/],
    ['EU', 'GDPR Art. 12(3), 77', /complain about this extension to the data protection supervisory authority of/],
    [
      'US-CA',
      'Cal. Civ. Code §1798.199.10',
      /complain about this extension to the California Privacy Protection Agency/,
    ],
    ['US-VA', 'Va. Code §59.1-577(C)', /complain about this extension to the Virginia Attorney General/],
    ['US-OTHER', '[policy]', /complain about this extension to the Attorney General of your state/],
  ] as const)('%s (%s)', async (jurisdiction, _c, authority) => {
    const input = aRequest({ jurisdiction, types: ['access'] });
    const created = await submitRequest({ input, channel: 'web', now: T0 });
    await verifyRequest({ token: await latestVerificationToken(input.email), now: laterBy(1) });
    await db().$transaction((tx) =>
      extendDeadline(tx, {
        requestId: created.id,
        reason,
        actor: { type: 'staff', id: otherAdmin.id },
        now: laterBy(5),
      }),
    );
    const email = await db().outboxEmail.findFirstOrThrow({
      where: { to: input.email, template: 'deadline-extended' },
    });
    expect(email.text.replace(/\s+/g, ' ')).toMatch(authority);
    expect(email.text).not.toContain('your data-protection authority');
  });

  it('OTHER: with no law and no authority in the rules, it names none and gives the contact', async () => {
    const input = aRequest({ jurisdiction: 'OTHER', types: ['access'] });
    const created = await submitRequest({ input, channel: 'web', now: T0 });
    await verifyRequest({ token: await latestVerificationToken(input.email), now: laterBy(1) });
    await db().$transaction((tx) =>
      extendDeadline(tx, {
        requestId: created.id,
        reason,
        actor: { type: 'staff', id: otherAdmin.id },
        now: laterBy(5),
      }),
    );
    const email = await db().outboxEmail.findFirstOrThrow({
      where: { to: input.email, template: 'deadline-extended' },
    });
    expect(email.text).toMatch(/If you disagree, reply to \S+@/);
    expect(email.text).not.toMatch(/complain about this extension/);
  });
});
