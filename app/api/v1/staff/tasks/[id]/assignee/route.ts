import { NextResponse } from 'next/server';
import { assignTask } from '@/lib/fulfilment/assign-task';
import { readJsonBody } from '@/lib/http/json-route';
import { staffAssigneeSchema } from '@/lib/staff-api/protocol/schemas';
import { staffApiRoute } from '@/lib/staff-api/staff-api-route';

/** PUT /api/v1/staff/tasks/{id}/assignee: assign a task to an active reviewer or admin, or unassign it (null). */
export const PUT = staffApiRoute<{ id: string }>(
  { operationId: 'assignStaffTask', scope: 'requests:assign', pathIs: 'task' },
  async ({ request, staff, params, actedOn }) => {
    const { assigneeId } = staffAssigneeSchema.parse(await readJsonBody(request));
    const task = await assignTask({ staff, taskId: params.id, assigneeId });
    actedOn({ requestId: task.requestId });
    return NextResponse.json(task);
  },
);
