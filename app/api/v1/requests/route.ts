import { NextResponse } from 'next/server';
import { clientInfo } from '@/lib/http/client-info';
import { jsonRoute, readJsonBody } from '@/lib/http/json-route';
import { newRequestSchema } from '@/lib/universal/request-schema';
import { submitRequest } from '@/lib/requests/submit-request';

/**
 * POST /api/v1/requests: file a request. The email then receives a verification link, or, for a
 * request of opt-outs only (no verification), a confirmation with the status-page link.
 */
export async function POST(request: Request) {
  return jsonRoute(async () => {
    const body = await readJsonBody(request);
    const created = await submitRequest({
      input: newRequestSchema.parse(body),
      channel: 'api',
      ...clientInfo(request.headers),
    });
    const { id, reference, status, verificationRequired, actedOnAtReceipt } = created;
    return NextResponse.json({ id, reference, status, verificationRequired, actedOnAtReceipt }, { status: 201 });
  });
}
