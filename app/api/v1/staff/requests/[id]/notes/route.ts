import { NextResponse } from 'next/server';
import { readJsonBody } from '@/lib/http/json-route';
import { addNote } from '@/lib/requests/staff/add-note';
import { staffNoteSchema } from '@/lib/staff-api/protocol/schemas';
import { staffApiRoute } from '@/lib/staff-api/staff-api-route';

/** POST /api/v1/staff/requests/{id}/notes: an internal note, as the workspace's note form adds it. */
export const POST = staffApiRoute<{ id: string }>(
  { operationId: 'addStaffNote', scope: 'notes:write', pathIs: 'request' },
  async ({ request, staff, params }) => {
    const { body } = staffNoteSchema.parse(await readJsonBody(request));
    const note = await addNote({ staff, requestId: params.id, body });
    return NextResponse.json(
      { id: note.id, requestId: params.id, createdAt: note.createdAt.toISOString() },
      { status: 201 },
    );
  },
);
