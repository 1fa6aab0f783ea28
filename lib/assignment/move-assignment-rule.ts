import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { AppError } from '../errors';
import { authorize, type StaffIdentity } from '../permissions/authorize';

/** Moves a rule one place up (earlier: tried first) or down, and renumbers every rule 1, 2, 3, … */
export async function moveAssignmentRule(options: { staff: StaffIdentity; ruleId: string; direction: 'up' | 'down' }) {
  const staff = authorize(options.staff, 'rules.manage');
  await db().$transaction(async (tx) => {
    // Two admins reordering at once would each renumber from a stale order: one waits for the other.
    await tx.$executeRaw`LOCK TABLE assignment_rule IN SHARE ROW EXCLUSIVE MODE`;
    const rules = await tx.assignmentRule.findMany({
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
      select: { id: true },
    });
    const from = rules.findIndex((r) => r.id === options.ruleId);
    if (from < 0) throw new AppError('NOT_FOUND', 'No assignment rule with that id.');
    const to = options.direction === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= rules.length) return;
    [rules[from], rules[to]] = [rules[to], rules[from]];
    for (const [index, rule] of rules.entries())
      await tx.assignmentRule.update({ where: { id: rule.id }, data: { position: index + 1 } });
    await recordAuditEvent(tx, {
      action: 'assignment_rule.moved',
      actor: { type: 'staff', id: staff.id },
      data: { ruleId: options.ruleId, direction: options.direction, position: to + 1 },
    });
  });
}
