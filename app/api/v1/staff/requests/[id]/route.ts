import { NextResponse } from 'next/server';
import { readRequestForApi } from '@/lib/staff-api/read-request';
import { staffApiRoute } from '@/lib/staff-api/staff-api-route';

/**
 * GET /api/v1/staff/requests/{id}: one request with its notes and tasks. The requester's email and
 * name are masked unless the key also holds `requests:reveal` (then each read is an audited reveal).
 */
export const GET = staffApiRoute<{ id: string }>(
  { operationId: 'getStaffRequest', scope: 'requests:read', pathIs: 'request' },
  async ({ staff, params, scopes }) => {
    const reveal = scopes.includes('requests:reveal');
    return NextResponse.json(await readRequestForApi({ staff, requestId: params.id, reveal }), {
      headers: { 'Cache-Control': 'no-store' },
    });
  },
);
