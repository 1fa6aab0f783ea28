'use server';

/**
 * Server actions of the assignment rules page and of staff leave. Each is a `staffAction`; the
 * domain functions check the permission again themselves.
 */
import { revalidatePath } from 'next/cache';
import { staffAction } from '@/lib/auth/staff-action';
import { deleteAssignmentRule } from '@/lib/assignment/delete-assignment-rule';
import { moveAssignmentRule } from '@/lib/assignment/move-assignment-rule';
import { saveAssignmentRule } from '@/lib/assignment/save-assignment-rule';
import { assignmentRuleSchema, moveRuleSchema, ruleActiveSchema, ruleIdSchema } from '@/lib/assignment/schemas';
import { setAssignmentRuleActive } from '@/lib/assignment/set-assignment-rule-active';
import { staffAwaySchema } from '@/lib/staff/schemas';
import { setStaffAway } from '@/lib/staff/set-staff-away';

const refresh = () => revalidatePath('/admin/rules');

export const saveAssignmentRuleAction = staffAction(
  'rules.manage',
  assignmentRuleSchema,
  async ({ staff, input }) => {
    const rule = await saveAssignmentRule({ staff, input });
    refresh();
    return { id: rule.id, name: rule.name };
  },
  (rule) => `Rule “${rule.name}” saved.`,
);

export const deleteAssignmentRuleAction = staffAction(
  'rules.manage',
  ruleIdSchema,
  async ({ staff, input }) => {
    await deleteAssignmentRule({ staff, ruleId: input.ruleId });
    refresh();
  },
  () => 'Rule deleted. Requests it assigned keep their assignee.',
);

export const moveAssignmentRuleAction = staffAction(
  'rules.manage',
  moveRuleSchema,
  async ({ staff, input }) => {
    await moveAssignmentRule({ staff, ...input });
    refresh();
  },
  () => 'Order saved.',
);

export const setAssignmentRuleActiveAction = staffAction(
  'rules.manage',
  ruleActiveSchema,
  async ({ staff, input }) => {
    await setAssignmentRuleActive({ staff, ...input });
    refresh();
    return input.active;
  },
  (active) => (active ? 'Rule enabled.' : 'Rule disabled: it is passed over until enabled again.'),
);

export const setStaffAwayAction = staffAction(
  'staff.manage',
  staffAwaySchema,
  async ({ staff, input }) => {
    await setStaffAway({ staff, ...input });
    revalidatePath('/admin/staff');
    refresh();
  },
  () => 'Leave saved.',
);
