import { NextResponse } from 'next/server';
import { authenticateApiKey } from '@/lib/api-keys/authenticate-api-key';
import { clientInfo } from '@/lib/http/client-info';
import { jsonRoute, readJsonBody } from '@/lib/http/json-route';
import { reportOptOut } from '@/lib/requests/report-opt-out';

/**
 * POST /api/v1/opt-outs: a Bitstride property reports a Global Privacy Control signal for a signed-in
 * account, with a server API key holding `opt-outs:write`. 201 with the opt-out request the first
 * time; 200 with the same request for every repeat of the person's signal.
 */
export async function POST(request: Request) {
  return jsonRoute(async () => {
    const apiKey = await authenticateApiKey({
      authorization: request.headers.get('authorization'),
      scope: 'opt-outs:write',
    });
    const body = await readJsonBody(request);
    const recorded = await reportOptOut({ apiKey, body, ...clientInfo(request.headers) });
    const { created, requestId, reference, status, receivedAt } = recorded;
    return NextResponse.json(
      { id: requestId, reference, status, type: 'opt_out_sale', signal: 'gpc', receivedAt: receivedAt.toISOString() },
      { status: created ? 201 : 200 },
    );
  });
}
