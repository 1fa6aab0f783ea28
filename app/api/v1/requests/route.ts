import { NextResponse } from 'next/server';
import { clientInfo } from '@/lib/http/client-info';
import { jsonRoute, readJsonBody } from '@/lib/http/json-route';
import { newRequestSchema } from '@/lib/universal/request-schema';
import { submitRequest } from '@/lib/requests/submit-request';

/** POST /api/v1/requests: file a request. The email then receives a verification link. */
export async function POST(request: Request) {
  return jsonRoute(async () => {
    const body = await readJsonBody(request);
    const created = await submitRequest({
      input: newRequestSchema.parse(body),
      channel: 'api',
      ...clientInfo(request.headers),
    });
    return NextResponse.json({ id: created.id, reference: created.reference, status: created.status }, { status: 201 });
  });
}
