import { db } from '../db';
import { authorize, type StaffIdentity } from '../permissions/authorize';

/** Every rule in the order they are tried, with the people each assigns to. */
export async function listAssignmentRules(options: { staff: StaffIdentity }) {
  authorize(options.staff, 'rules.manage');
  return db().assignmentRule.findMany({
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
    omit: { turns: true },
    include: {
      members: {
        orderBy: { position: 'asc' },
        include: { user: { select: { id: true, name: true, email: true, deactivatedAt: true, awayUntil: true } } },
      },
    },
  });
}

export type ListedAssignmentRule = Awaited<ReturnType<typeof listAssignmentRules>>[number];
