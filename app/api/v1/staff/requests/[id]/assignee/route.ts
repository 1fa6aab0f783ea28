import { NextResponse } from 'next/server';
import { readJsonBody } from '@/lib/http/json-route';
import { assignRequest } from '@/lib/requests/staff/assign-request';
import { staffAssigneeSchema } from '@/lib/staff-api/protocol/schemas';
import { staffApiRoute } from '@/lib/staff-api/staff-api-route';

/** PUT /api/v1/staff/requests/{id}/assignee: assign to an active reviewer or admin, or unassign (null). */
export const PUT = staffApiRoute<{ id: string }>(
  { operationId: 'assignStaffRequest', scope: 'requests:assign', pathIs: 'request' },
  async ({ request, staff, params }) => {
    const { assigneeId } = staffAssigneeSchema.parse(await readJsonBody(request));
    await assignRequest({ staff, requestId: params.id, assigneeId });
    return NextResponse.json({ requestId: params.id, assigneeId });
  },
);
