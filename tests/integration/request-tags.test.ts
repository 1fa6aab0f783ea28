/**
 * Request tags on real PostgreSQL: staff who work requests add and remove them (audited), the
 * format is refused with a clear message (and by the database's CHECK too), and an assignment rule
 * with a tag condition assigns an unassigned request in the queue once the tag is added.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { addTagAction, removeTagAction } from '../../app/(staff)/admin/actions';
import { saveAssignmentRule } from '../../lib/assignment/save-assignment-rule';
import type { AssignmentRuleInput } from '../../lib/assignment/schemas';
import { db } from '../../lib/db';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { addRequestTag } from '../../lib/requests/staff/add-request-tag';
import { getRequestDetail } from '../../lib/requests/staff/get-request-detail';
import { listRequests } from '../../lib/requests/staff/list-requests';
import { removeRequestTag } from '../../lib/requests/staff/remove-request-tag';
import { submitRequest } from '../../lib/requests/submit-request';
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
    action: 'person',
    requestTypes: [],
    jurisdictions: [],
    channels: [],
    locales: '',
    openLimit: '',
    skipOnLeave: true,
    ...overrides,
  };
}

async function submitted() {
  const input = aRequest({ jurisdiction: 'US-CA', types: ['access'] });
  const { id } = await submitRequest({ input, channel: 'web' });
  return { id, email: input.email };
}

async function verified() {
  const { id, email } = await submitted();
  await verifyRequest({ token: await latestVerificationToken(email) });
  return id;
}

const assigneeOf = async (id: string) =>
  (await db().privacyRequest.findUniqueOrThrow({ where: { id }, select: { assigneeId: true } })).assigneeId;

const tagEvents = (requestId: string) =>
  db().auditEvent.findMany({
    where: { requestId, action: { in: ['request.tag_added', 'request.tag_removed'] } },
    orderBy: { id: 'asc' },
    select: { action: true, actorType: true, actorId: true, data: true },
  });

describe('adding and removing tags', () => {
  it('is audited, shown on the request, and a second add of the same tag changes nothing', async () => {
    const id = await verified();
    expect(await addRequestTag({ staff: reviewer, requestId: id, tag: 'vip' })).toEqual({ tag: 'vip', added: true });
    await addRequestTag({ staff: admin, requestId: id, tag: ' media-inquiry ' });
    expect(await addRequestTag({ staff: reviewer, requestId: id, tag: 'vip' })).toEqual({ tag: 'vip', added: false });
    expect((await getRequestDetail({ staff: viewer, requestId: id })).tags).toEqual(['media-inquiry', 'vip']);
    const queued = (await listRequests({ staff: viewer, filter: {} })).rows.find((row) => row.id === id);
    expect(queued?.tags).toEqual(['media-inquiry', 'vip']);

    expect(await removeRequestTag({ staff: reviewer, requestId: id, tag: 'vip' })).toEqual({ removed: true });
    expect(await removeRequestTag({ staff: reviewer, requestId: id, tag: 'vip' })).toEqual({ removed: false });
    expect((await getRequestDetail({ staff: viewer, requestId: id })).tags).toEqual(['media-inquiry']);
    expect(await tagEvents(id)).toEqual([
      { action: 'request.tag_added', actorType: 'staff', actorId: reviewer.id, data: { tag: 'vip' } },
      { action: 'request.tag_added', actorType: 'staff', actorId: admin.id, data: { tag: 'media-inquiry' } },
      { action: 'request.tag_removed', actorType: 'staff', actorId: reviewer.id, data: { tag: 'vip' } },
    ]);
  });

  it('is refused to viewers and to no session, through the domain and the server actions', async () => {
    const id = await verified();
    await expect(addRequestTag({ staff: viewer, requestId: id, tag: 'vip' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await addRequestTag({ staff: reviewer, requestId: id, tag: 'vip' });
    await expect(removeRequestTag({ staff: viewer, requestId: id, tag: 'vip' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    for (const identity of [viewer, null]) {
      const added = await addTagAction.runAs(identity, { requestId: id, tag: 'press' } as never);
      const removed = await removeTagAction.runAs(identity, { requestId: id, tag: 'vip' } as never);
      expect(added.ok).toBe(false);
      expect(removed.ok).toBe(false);
    }
    expect((await getRequestDetail({ staff: viewer, requestId: id })).tags).toEqual(['vip']);
    expect(await tagEvents(id)).toHaveLength(1);
  });

  it('refuses a tag that is not a lowercase slug of at most 40 characters, with a clear message', async () => {
    const id = await verified();
    for (const tag of ['VIP', 'two words', 'trailing-', 'a--b', '', 'x'.repeat(41), 'é']) {
      await expect(addRequestTag({ staff: reviewer, requestId: id, tag }), tag).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });
    }
    const result = await addTagAction.runAs(reviewer, { requestId: id, tag: 'Two Words' } as never);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.error).toMatch(/lowercase letters, digits and single hyphens/);
    expect(!result.ok && result.fields?.tag?.[0]).toMatch(/such as vip or media-inquiry/);
    expect(await addRequestTag({ staff: reviewer, requestId: id, tag: 'x'.repeat(40) })).toMatchObject({ added: true });
    // The database keeps the format even past the domain function.
    await expect(db().requestTag.create({ data: { requestId: id, tag: 'Not A Slug' } })).rejects.toThrow(
      /request_tag_format/,
    );
    expect(await tagEvents(id)).toHaveLength(1);
  });
});

describe('assignment rules on tags', () => {
  it('assigns an unassigned verified request when a tag a rule names is added', async () => {
    const ana = await aStaffMember('reviewer');
    const saved = await saveAssignmentRule({
      staff: admin,
      input: rule({ name: 'Press', memberIds: [ana.id], tags: 'press, media-inquiry' }),
    });
    expect(saved.tags).toEqual(['press', 'media-inquiry']);
    const id = await verified();
    expect(await assigneeOf(id)).toBeNull();

    await addRequestTag({ staff: reviewer, requestId: id, tag: 'other' });
    expect(await assigneeOf(id)).toBeNull();
    await addRequestTag({ staff: reviewer, requestId: id, tag: 'media-inquiry' });
    expect(await assigneeOf(id)).toBe(ana.id);
    const [event] = await db().auditEvent.findMany({ where: { requestId: id, action: 'request.assigned' } });
    expect(event).toMatchObject({ actorType: 'system' });
    expect(event.data).toMatchObject({ to: ana.id, ruleId: saved.id, ruleName: 'Press' });
    expect((await getRequestDetail({ staff: viewer, requestId: id })).assignedByRule).toEqual({
      id: saved.id,
      name: 'Press',
    });
  });

  it('does not match untagged requests, and never reassigns nor assigns an unverified one', async () => {
    const [ana, ben] = [await aStaffMember('reviewer'), await aStaffMember('reviewer')];
    await saveAssignmentRule({ staff: admin, input: rule({ name: 'VIP', memberIds: [ana.id], tags: 'vip' }) });
    const untagged = await verified();
    expect(await assigneeOf(untagged)).toBeNull();

    // Assigned by hand already: the tag changes nothing.
    const held = await verified();
    await db().privacyRequest.update({ where: { id: held }, data: { assigneeId: ben.id } });
    await addRequestTag({ staff: reviewer, requestId: held, tag: 'vip' });
    expect(await assigneeOf(held)).toBe(ben.id);

    // Not in the queue yet: tagged, then assigned by the rule once confirmed.
    const waiting = await submitted();
    await addRequestTag({ staff: reviewer, requestId: waiting.id, tag: 'vip' });
    expect(await assigneeOf(waiting.id)).toBeNull();
    await verifyRequest({ token: await latestVerificationToken(waiting.email) });
    expect(await assigneeOf(waiting.id)).toBe(ana.id);
  });

  it('refuses a rule whose tags are not slugs', async () => {
    const ana = await aStaffMember('reviewer');
    await expect(
      saveAssignmentRule({ staff: admin, input: rule({ name: 'Bad', memberIds: [ana.id], tags: 'ok, not_ok' }) }),
    ).rejects.toThrow(/Use tags such as vip or media-inquiry/);
  });
});
