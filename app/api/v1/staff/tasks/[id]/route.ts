import { NextResponse } from 'next/server';
import { updateManualTask } from '@/lib/fulfilment/update-manual-task';
import { readJsonBody } from '@/lib/http/json-route';
import { staffTaskUpdateSchema } from '@/lib/staff-api/protocol/schemas';
import { staffApiRoute } from '@/lib/staff-api/staff-api-route';

/** PATCH /api/v1/staff/tasks/{id}: save a manual task's checklist and result, as the task form's Save. */
export const PATCH = staffApiRoute<{ id: string }>(
  { operationId: 'updateStaffTask', scope: 'tasks:write', pathIs: 'task' },
  async ({ request, staff, params, actedOn }) => {
    const input = staffTaskUpdateSchema.parse(await readJsonBody(request));
    const task = await updateManualTask({
      staff,
      taskId: params.id,
      done: input.done,
      result: input.result ?? null,
      finish: false,
    });
    actedOn({ requestId: task.requestId });
    return NextResponse.json(task);
  },
);
