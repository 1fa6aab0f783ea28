import { NextResponse } from 'next/server';
import { updateManualTask } from '@/lib/fulfilment/update-manual-task';
import { readJsonBody } from '@/lib/http/json-route';
import { staffTaskUpdateSchema } from '@/lib/staff-api/protocol/schemas';
import { staffApiRoute } from '@/lib/staff-api/staff-api-route';

/**
 * POST /api/v1/staff/tasks/{id}/complete: mark a manual task done, as the task form's Mark done:
 * every checklist step ticked and a result written (422 otherwise).
 */
export const POST = staffApiRoute<{ id: string }>(
  { operationId: 'completeStaffTask', scope: 'tasks:complete', pathIs: 'task' },
  async ({ request, staff, params, actedOn }) => {
    const input = staffTaskUpdateSchema.parse(await readJsonBody(request));
    const task = await updateManualTask({
      staff,
      taskId: params.id,
      done: input.done,
      result: input.result ?? null,
      finish: true,
    });
    actedOn({ requestId: task.requestId });
    return NextResponse.json(task);
  },
);
