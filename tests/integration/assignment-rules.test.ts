/**
 * Assignment rules on real PostgreSQL: which rule wins, who is skipped, round-robin fairness under
 * many concurrent verifications, the audit trail, the assignee's email, and who may edit rules.
 */
import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveAssignmentRuleAction } from '../../app/(staff)/admin/rule-actions';
import { deleteAssignmentRule } from '../../lib/assignment/delete-assignment-rule';
import { moveAssignmentRule } from '../../lib/assignment/move-assignment-rule';
import { saveAssignmentRule } from '../../lib/assignment/save-assignment-rule';
import type { AssignmentRuleInput } from '../../lib/assignment/schemas';
import { setAssignmentRuleActive } from '../../lib/assignment/set-assignment-rule-active';
import { db } from '../../lib/db';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { assignRequest } from '../../lib/requests/staff/assign-request';
import { getRequestDetail } from '../../lib/requests/staff/get-request-detail';
import { submitRequest } from '../../lib/requests/submit-request';
import { setStaffAway } from '../../lib/staff/set-staff-away';
import type { NewRequest } from '../../lib/universal/request-schema';
import { verifyRequest } from '../../lib/verification/verify-request';
import { resetDatabase } from '../support/reset-database';
import { aRequest, latestVerificationToken } from '../support/requests';
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

function rule(overrides: Partial<AssignmentRuleInput> & { memberIds: string[] }): AssignmentRuleInput {
  return {
    name: 'A rule',
    active: true,
    action: overrides.memberIds.length === 1 ? 'person' : 'round_robin',
    requestTypes: [],
    jurisdictions: [],
    channels: [],
    locales: '',
    openLimit: '',
    skipOnLeave: true,
    ...overrides,
  };
}

async function submitOnly(overrides: Partial<NewRequest> = {}, channel: 'web' | 'api' = 'web') {
  const input = aRequest(overrides);
  const created = await submitRequest({ input, channel });
  return { input, id: created.id };
}

/** Submits and confirms a request; resolves once its assignment (if any) is done. */
async function verified(overrides: Partial<NewRequest> = {}, channel: 'web' | 'api' = 'web') {
  const { input, id } = await submitOnly(overrides, channel);
  await verifyRequest({ token: await latestVerificationToken(input.email) });
  return id;
}

const assigneeOf = async (id: string) =>
  (await db().privacyRequest.findUniqueOrThrow({ where: { id }, select: { assigneeId: true } })).assigneeId;

const systemAssignments = (requestId?: string) =>
  db().auditEvent.findMany({
    where: { action: 'request.assigned', actorType: 'system', ...(requestId ? { requestId } : {}) },
    orderBy: { id: 'asc' },
  });

async function reviewers(n: number) {
  const people = [];
  for (let i = 0; i < n; i += 1) people.push(await aStaffMember('reviewer'));
  return people;
}

describe('matching and order', () => {
  it('the first active matching rule wins; none leaves the request unassigned, as before', async () => {
    const [ana, ben, cas] = await reviewers(3);
    const ukDeletion = await saveAssignmentRule({
      staff: admin,
      input: rule({ name: 'UK deletions', memberIds: [ana.id], requestTypes: ['deletion'], jurisdictions: ['UK'] }),
    });
    const api = await saveAssignmentRule({
      staff: admin,
      input: rule({ name: 'API requests', memberIds: [cas.id], channels: ['api'] }),
    });
    await saveAssignmentRule({
      staff: admin,
      input: rule({ name: 'Europe', memberIds: [ben.id], jurisdictions: ['UK', 'EU'] }),
    });

    expect(await assigneeOf(await verified({ types: ['deletion', 'access'], jurisdiction: 'UK' }))).toBe(ana.id);
    expect(await assigneeOf(await verified({ types: ['access'], jurisdiction: 'UK' }))).toBe(ben.id);
    expect(await assigneeOf(await verified({ types: ['deletion'], jurisdiction: 'UK' }, 'api'))).toBe(ana.id);
    expect(await assigneeOf(await verified({ types: ['access'], jurisdiction: 'EU' }, 'api'))).toBe(cas.id);
    expect(await assigneeOf(await verified({ types: ['access'], jurisdiction: 'US-CA' }))).toBeNull();

    // Disabled: passed over. Moved up: tried first.
    await setAssignmentRuleActive({ staff: admin, ruleId: ukDeletion.id, active: false });
    expect(await assigneeOf(await verified({ types: ['deletion'], jurisdiction: 'UK' }))).toBe(ben.id);
    await moveAssignmentRule({ staff: admin, ruleId: api.id, direction: 'up' });
    await setAssignmentRuleActive({ staff: admin, ruleId: ukDeletion.id, active: true });
    expect(await assigneeOf(await verified({ types: ['deletion'], jurisdiction: 'UK' }, 'api'))).toBe(cas.id);
  });

  it('an unverified request is not assigned; it is when confirmed, and an opt-out at receipt at once', async () => {
    const [ana] = await reviewers(1);
    await saveAssignmentRule({
      staff: admin,
      input: rule({ name: 'California', memberIds: [ana.id], jurisdictions: ['US-CA'] }),
    });
    const waiting = await submitOnly({ jurisdiction: 'US-CA' });
    expect(await assigneeOf(waiting.id)).toBeNull();
    await verifyRequest({ token: await latestVerificationToken(waiting.input.email) });
    expect(await assigneeOf(waiting.id)).toBe(ana.id);

    const optOut = await submitOnly({ jurisdiction: 'US-CA', types: ['opt_out_sale'] });
    expect(await db().privacyRequest.findUniqueOrThrow({ where: { id: optOut.id } })).toMatchObject({
      status: 'in_progress',
      assigneeId: ana.id,
    });
  });

  it('is audited as the system with the rule, shown on the request, and the assignee is emailed', async () => {
    const [ana] = await reviewers(1);
    const saved = await saveAssignmentRule({ staff: admin, input: rule({ name: 'Everything', memberIds: [ana.id] }) });
    const id = await verified();
    const [event] = await systemAssignments(id);
    expect(event).toMatchObject({ actorType: 'system', actorId: null, public: false });
    expect(event.data).toMatchObject({ from: null, to: ana.id, ruleId: saved.id, ruleName: 'Everything' });
    const detail = await getRequestDetail({ staff: viewer, requestId: id });
    expect(detail.assignee?.id).toBe(ana.id);
    expect(detail.assignedByRule).toEqual({ id: saved.id, name: 'Everything' });
    const email = await db().outboxEmail.findFirstOrThrow({ where: { to: ana.email, template: 'staff-notice' } });
    expect(email.subject).toMatch(/was assigned to you/);
    expect(email.text).toContain('The assignment rule “Everything” assigned this privacy request to you');
    expect(email.text).toContain(`/admin/requests/${id}`);

    // Reassigned by a person: no longer "by rule".
    await assignRequest({ staff: reviewer, requestId: id, assigneeId: reviewer.id });
    expect((await getRequestDetail({ staff: viewer, requestId: id })).assignedByRule).toBeNull();
  });
});

describe('skipping people', () => {
  it('skips people at the rule’s open-request limit, and assigns no one when everyone is', async () => {
    const [ana, ben] = await reviewers(2);
    await saveAssignmentRule({
      staff: admin,
      input: rule({ name: 'Limited', memberIds: [ana.id, ben.id], openLimit: '2' }),
    });
    // Ana already holds two open requests assigned by hand.
    for (let i = 0; i < 2; i += 1) {
      const { input, id } = await submitOnly({ jurisdiction: 'US-CA' });
      await db().privacyRequest.update({ where: { id }, data: { assigneeId: ana.id } });
      await verifyRequest({ token: await latestVerificationToken(input.email) });
    }
    const got = [];
    for (let i = 0; i < 3; i += 1) got.push(await assigneeOf(await verified()));
    // Turns 1 and 3 are Ana's, but she is at her limit: Ben takes them until he is at his too.
    expect(got).toEqual([ben.id, ben.id, null]);
    const skippedOne = await db().auditEvent.findFirstOrThrow({
      where: { action: 'request.assignment_rule_found_no_one' },
    });
    expect(skippedOne.data).toMatchObject({
      ruleName: 'Limited',
      skipped: [
        { userId: ana.id, reason: 'at_limit' },
        { userId: ben.id, reason: 'at_limit' },
      ],
    });
    // A closed request frees a place.
    await db().privacyRequest.updateMany({ where: { assigneeId: ana.id }, data: { status: 'completed' } });
    expect(await assigneeOf(await verified())).toBe(ana.id);
  });

  it('skips people on leave until the day after their last day away, unless the rule says not to', async () => {
    const [ana, ben] = await reviewers(2);
    await saveAssignmentRule({
      staff: admin,
      input: rule({ name: 'Ana first', memberIds: [ana.id], jurisdictions: ['EU'] }),
    });
    await saveAssignmentRule({
      staff: admin,
      input: rule({ name: 'Ana, leave or not', memberIds: [ana.id], jurisdictions: ['UK'], skipOnLeave: false }),
    });
    await saveAssignmentRule({ staff: admin, input: rule({ name: 'Ben', memberIds: [ben.id] }) });
    const lastDayAway = DateTime.now().setZone('UTC').plus({ days: 3 }).toISODate()!;
    await setStaffAway({ staff: admin, userId: ana.id, awayUntil: lastDayAway });
    const away = await db().user.findUniqueOrThrow({ where: { id: ana.id } });
    expect(away.awayUntil?.toISOString()).toBe(
      DateTime.fromISO(lastDayAway, { zone: 'UTC' }).plus({ days: 1 }).toJSDate().toISOString(),
    );

    // The first rule matches but finds no one: the request stays unassigned (first matching rule wins).
    expect(await assigneeOf(await verified({ jurisdiction: 'EU' }))).toBeNull();
    expect(await assigneeOf(await verified({ jurisdiction: 'UK' }))).toBe(ana.id);
    // The day after her last day away, she is back.
    const back = DateTime.fromISO(lastDayAway, { zone: 'UTC' }).plus({ days: 1, minutes: 1 }).toJSDate();
    const { input, id } = await submitOnly({ jurisdiction: 'EU' });
    await verifyRequest({ token: await latestVerificationToken(input.email), now: back });
    expect(await assigneeOf(id)).toBe(ana.id);

    await setStaffAway({ staff: admin, userId: ana.id, awayUntil: null });
    expect(await assigneeOf(await verified({ jurisdiction: 'EU' }))).toBe(ana.id);
    expect(
      await db().auditEvent.findMany({
        where: { action: { in: ['staff.away_set', 'staff.away_cleared'] } },
        orderBy: { id: 'asc' },
        select: { action: true, actorId: true },
      }),
    ).toEqual([
      { action: 'staff.away_set', actorId: admin.id },
      { action: 'staff.away_cleared', actorId: admin.id },
    ]);
  });
});

describe('round-robin under concurrency', () => {
  it('60 concurrent verifications across 4 reviewers: 15 each, and no one gets a second before all had one', async () => {
    const four = await reviewers(4);
    const saved = await saveAssignmentRule({
      staff: admin,
      input: rule({ name: 'Everyone in turn', memberIds: four.map((p) => p.id) }),
    });
    const submitted = [];
    for (let i = 0; i < 60; i += 1) submitted.push(await submitOnly());
    const tokens = await Promise.all(submitted.map((s) => latestVerificationToken(s.input.email)));

    const outcomes = await Promise.all(tokens.map((token) => verifyRequest({ token })));
    expect(outcomes.every((o) => o.outcome === 'verified')).toBe(true);

    const events = (await systemAssignments()).map((e) => e.data as { to: string; turn: number; ruleId: string });
    expect(events).toHaveLength(60);
    expect(new Set(events.map((e) => e.ruleId))).toEqual(new Set([saved.id]));
    const perPerson = new Map<string, number>();
    for (const e of events) perPerson.set(e.to, (perPerson.get(e.to) ?? 0) + 1);
    expect([...perPerson.values()]).toEqual([15, 15, 15, 15]);

    // In the rule's turn order, every run of four is the four people once each.
    const byTurn = events.toSorted((a, b) => a.turn - b.turn);
    expect(byTurn.map((e) => e.turn)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    for (let round = 0; round < 15; round += 1) {
      const people = byTurn.slice(round * 4, round * 4 + 4).map((e) => e.to);
      expect(new Set(people).size, `round ${round + 1}`).toBe(4);
    }
    // The rows agree with the audit trail.
    const rows = await db().privacyRequest.groupBy({ by: ['assigneeId'], _count: { _all: true } });
    expect(rows.map((r) => r._count._all)).toEqual([15, 15, 15, 15]);
  });
});

describe('editing rules', () => {
  it('only admins may create, edit, reorder, enable, disable or delete rules', async () => {
    const [ana] = await reviewers(1);
    const input = rule({ name: 'Mine', memberIds: [ana.id] });
    for (const who of [reviewer, viewer])
      await expect(saveAssignmentRule({ staff: who, input })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const saved = await saveAssignmentRule({ staff: admin, input });
    for (const who of [reviewer, viewer]) {
      await expect(deleteAssignmentRule({ staff: who, ruleId: saved.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(moveAssignmentRule({ staff: who, ruleId: saved.id, direction: 'up' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(setAssignmentRuleActive({ staff: who, ruleId: saved.id, active: false })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(setStaffAway({ staff: who, userId: ana.id, awayUntil: null })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    expect(await db().assignmentRule.count()).toBe(1);
  });

  it('audits every change with the admin, and refuses invalid rules field by field', async () => {
    const [ana, ben] = await reviewers(2);
    const first = await saveAssignmentRule({ staff: admin, input: rule({ name: 'First', memberIds: [ana.id] }) });
    const second = await saveAssignmentRule({
      staff: admin,
      input: rule({ name: 'Second', memberIds: [ana.id, ben.id], locales: 'fr, pt-BR' }),
    });
    expect(second).toMatchObject({ position: 2, locales: ['fr', 'pt-br'], action: 'round_robin' });
    await saveAssignmentRule({
      staff: admin,
      input: rule({ id: first.id, name: 'First, renamed', memberIds: [ben.id] }),
    });
    await moveAssignmentRule({ staff: admin, ruleId: second.id, direction: 'up' });
    await setAssignmentRuleActive({ staff: admin, ruleId: first.id, active: false });
    await setAssignmentRuleActive({ staff: admin, ruleId: first.id, active: true });
    await deleteAssignmentRule({ staff: admin, ruleId: first.id });

    const events = await db().auditEvent.findMany({
      where: { action: { startsWith: 'assignment_rule.' } },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ['assignment_rule.created', admin.id],
      ['assignment_rule.created', admin.id],
      ['assignment_rule.updated', admin.id],
      ['assignment_rule.moved', admin.id],
      ['assignment_rule.disabled', admin.id],
      ['assignment_rule.enabled', admin.id],
      ['assignment_rule.deleted', admin.id],
    ]);
    expect(events[2].data).toMatchObject({ ruleId: first.id, name: 'First, renamed', memberIds: [ben.id] });
    expect(await db().assignmentRule.findMany({ select: { name: true, position: true } })).toEqual([
      { name: 'Second', position: 1 },
    ]);

    // Through the form's action: each mistake is named on its field, and nothing is saved.
    const refused = await saveAssignmentRuleAction.runAs(admin, {
      name: '',
      action: 'person',
      memberIds: [ana.id, ben.id],
      openLimit: '0',
      locales: 'not a tag!',
      jurisdictions: ['XX'],
    } as never);
    expect(refused.ok).toBe(false);
    const fields = (refused as { fields?: Record<string, string[]> }).fields ?? {};
    expect(Object.keys(fields).sort()).toEqual(['jurisdictions', 'locales', 'memberIds', 'name', 'openLimit']);
    const people = await saveAssignmentRuleAction.runAs(admin, {
      name: 'One',
      action: 'person',
      memberIds: [ana.id, ben.id],
    } as never);
    expect(people).toMatchObject({ ok: false, fields: { memberIds: ['Choose exactly one person'] } });
    const stranger = await saveAssignmentRuleAction.runAs(admin, {
      name: 'Viewer',
      action: 'person',
      memberIds: [viewer.id],
    } as never);
    expect(stranger).toMatchObject({ ok: false, fields: { memberIds: ['Choose active reviewers or admins'] } });
    expect(await db().assignmentRule.count()).toBe(1);
  });
});
