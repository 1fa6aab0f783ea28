import { db } from '@/lib/db';

/**
 * Who a request can be assigned to: active admins and reviewers. Read here rather than through
 * listStaff, which is for admins only, because every role filters the queue by assignee.
 */
export async function assignableStaff() {
  const people = await db().user.findMany({
    where: { deactivatedAt: null, role: { in: ['admin', 'reviewer'] } },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: 'asc' }, { email: 'asc' }],
  });
  return people.map((p) => ({ value: p.id, label: p.name ? `${p.name} (${p.email})` : p.email }));
}
