import { NextResponse } from 'next/server';
import { SIGNATURE_HEADER } from '@/lib/fulfilment/connectors/signing';
import { callbackBodyLimit, receiveWebhookCallback } from '@/lib/fulfilment/receive-callback';
import { jsonRoute, readJsonText } from '@/lib/http/json-route';

/** A webhook connector's later answer to a fulfilment task (signed; see lib/fulfilment/receive-callback.ts). */
export async function POST(request: Request, { params }: { params: Promise<{ taskId: string }> }) {
  return jsonRoute(async () => {
    const { taskId } = await params;
    const body = await readJsonText(request, callbackBodyLimit());
    const result = await receiveWebhookCallback({
      taskId,
      token: new URL(request.url).searchParams.get('token'),
      signature: request.headers.get(SIGNATURE_HEADER),
      body,
    });
    return NextResponse.json(result);
  });
}
