import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { AppError } from '../errors';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { assignmentRuleSchema, type AssignmentRuleInput } from './schemas';

/** Creates a rule (last in order) or updates one; its members are the people it assigns to, in turn order. */
export async function saveAssignmentRule(options: { staff: StaffIdentity; input: AssignmentRuleInput }) {
  const staff = authorize(options.staff, 'rules.manage');
  const { id, memberIds, ...data } = assignmentRuleSchema.parse(options.input);
  return db().$transaction(async (tx) => {
    const existing = id ? await tx.assignmentRule.findUnique({ where: { id } }) : null;
    if (id && !existing) throw new AppError('NOT_FOUND', 'No assignment rule with that id.');
    const people = await tx.user.findMany({
      where: { id: { in: memberIds }, deactivatedAt: null, role: { in: ['admin', 'reviewer'] } },
      select: { id: true },
    });
    if (people.length !== new Set(memberIds).size)
      throw new AppError('INVALID_INPUT', 'A rule assigns only to active reviewers and admins.', {
        fields: { memberIds: ['Choose active reviewers or admins'] },
      });
    const members = [...new Set(memberIds)].map((userId, position) => ({ userId, position }));
    const rule = existing
      ? await tx.assignmentRule.update({
          where: { id: existing.id },
          data: { ...data, members: { deleteMany: {}, create: members } },
        })
      : await tx.assignmentRule.create({
          data: {
            ...data,
            position: ((await tx.assignmentRule.aggregate({ _max: { position: true } }))._max.position ?? 0) + 1,
            members: { create: members },
          },
        });
    await recordAuditEvent(tx, {
      action: existing ? 'assignment_rule.updated' : 'assignment_rule.created',
      actor: { type: 'staff', id: staff.id },
      data: { ruleId: rule.id, ...data, memberIds: members.map((m) => m.userId) },
    });
    return rule;
  });
}
