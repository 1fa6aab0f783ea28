import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db } from '../db';
import { readChecklist } from './task-checklist';

export async function listTasks(options: { staff: StaffIdentity; requestId: string }) {
  authorize(options.staff, 'requests.read');
  const tasks = await db().fulfilmentTask.findMany({
    where: { requestId: options.requestId },
    include: {
      system: { select: { id: true, key: true, name: true, kind: true, ownerId: true } },
      recipient: { select: { id: true, name: true, role: true, contact: true } },
      assignee: { select: { id: true, name: true, email: true } },
      attachments: { select: { id: true, fileName: true, size: true, createdAt: true }, orderBy: { createdAt: 'asc' } },
    },
    // Systems' tasks first by system, then the recipients' (told once the changes are carried out).
    orderBy: [{ type: 'asc' }, { system: { name: 'asc' } }, { recipient: { name: 'asc' } }],
  });
  return tasks.map((t) => ({
    ...t,
    checklist: readChecklist(t.checklist),
    attachments: t.attachments.map((a) => ({ ...a, size: Number(a.size) })),
  }));
}

export type TaskRow = Awaited<ReturnType<typeof listTasks>>[number];
