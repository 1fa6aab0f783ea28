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
import { assignmentRuleSchema, ruleChangeSchema } from '@/lib/assignment/schemas';
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

/** Reorder, enable, disable or delete: the row buttons of the rules table, told apart by `intent`. */
export const changeAssignmentRuleAction = staffAction(
  'rules.manage',
  ruleChangeSchema,
  async ({ staff, input }) => {
    if (input.intent === 'delete') await deleteAssignmentRule({ staff, ruleId: input.ruleId });
    else if (input.intent === 'enable' || input.intent === 'disable')
      await setAssignmentRuleActive({ staff, ruleId: input.ruleId, active: input.intent === 'enable' });
    else await moveAssignmentRule({ staff, ruleId: input.ruleId, direction: input.intent === 'up' ? 'up' : 'down' });
    refresh();
    return input.intent;
  },
  (intent) =>
    ({
      delete: 'Rule deleted. Requests it assigned keep their assignee.',
      enable: 'Rule enabled.',
      disable: 'Rule disabled: it is passed over until enabled again.',
      up: 'Order saved.',
      down: 'Order saved.',
    })[intent],
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
