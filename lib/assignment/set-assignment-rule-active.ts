import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { AppError } from '../errors';
import { authorize, type StaffIdentity } from '../permissions/authorize';

/** Enables or disables a rule; a disabled rule keeps its place and its round-robin turn. */
export async function setAssignmentRuleActive(options: { staff: StaffIdentity; ruleId: string; active: boolean }) {
  const staff = authorize(options.staff, 'rules.manage');
  await db().$transaction(async (tx) => {
    const rule = await tx.assignmentRule.findUnique({ where: { id: options.ruleId } });
    if (!rule) throw new AppError('NOT_FOUND', 'No assignment rule with that id.');
    if (rule.active === options.active) return;
    await tx.assignmentRule.update({ where: { id: rule.id }, data: { active: options.active } });
    await recordAuditEvent(tx, {
      action: options.active ? 'assignment_rule.enabled' : 'assignment_rule.disabled',
      actor: { type: 'staff', id: staff.id },
      data: { ruleId: rule.id, name: rule.name },
    });
  });
}
