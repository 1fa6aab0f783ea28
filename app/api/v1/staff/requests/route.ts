import { NextResponse } from 'next/server';
import { listRequests } from '@/lib/requests/staff/list-requests';
import { staffRequestListQuerySchema } from '@/lib/staff-api/protocol/schemas';
import { staffApiRoute } from '@/lib/staff-api/staff-api-route';

/** The query string as an object: `status` may repeat, every other parameter is single. */
function queryOf(url: URL) {
  const out: Record<string, unknown> = {};
  for (const key of new Set(url.searchParams.keys()))
    out[key] = key === 'status' ? url.searchParams.getAll(key) : url.searchParams.get(key);
  return out;
}

/** GET /api/v1/staff/requests: the workspace queue, due first, in keyset pages, contact details masked. */
export const GET = staffApiRoute(
  { operationId: 'listStaffRequests', scope: 'requests:read' },
  async ({ request, staff }) => {
    const filter = staffRequestListQuerySchema.parse(queryOf(new URL(request.url)));
    const page = await listRequests({ staff, filter });
    return NextResponse.json(
      {
        data: page.rows.map((r) => ({
          id: r.id,
          reference: r.reference,
          status: r.status,
          types: r.types,
          jurisdiction: r.jurisdiction,
          receivedAt: r.receivedAt.toISOString(),
          dueAt: r.dueAt.toISOString(),
          assignee: r.assignee,
          requester: { email: r.email, name: r.name, masked: true },
          possibleDuplicate: r.possibleDuplicate,
          verification: r.verification,
        })),
        nextCursor: page.nextCursor,
      },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  },
);
