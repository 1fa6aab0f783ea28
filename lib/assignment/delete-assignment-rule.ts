import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { AppError } from '../errors';
import { authorize, type StaffIdentity } from '../permissions/authorize';

/** Deletes a rule. Requests it assigned keep their assignee; the audit log keeps the rule's name. */
export async function deleteAssignmentRule(options: { staff: StaffIdentity; ruleId: string }) {
  const staff = authorize(options.staff, 'rules.manage');
  await db().$transaction(async (tx) => {
    const rule = await tx.assignmentRule.findUnique({ where: { id: options.ruleId } });
    if (!rule) throw new AppError('NOT_FOUND', 'No assignment rule with that id.');
    await tx.assignmentRule.delete({ where: { id: rule.id } });
    await recordAuditEvent(tx, {
      action: 'assignment_rule.deleted',
      actor: { type: 'staff', id: staff.id },
      data: { ruleId: rule.id, name: rule.name },
    });
  });
}
