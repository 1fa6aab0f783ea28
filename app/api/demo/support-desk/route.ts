import { NextResponse } from 'next/server';
import { SIGNATURE_HEADER } from '@/lib/fulfilment/connectors/signing';
import { answerDemoSupportDesk } from '@/lib/fulfilment/demo-support-desk';
import { jsonRoute, readJsonText } from '@/lib/http/json-route';

/** The demo help desk the seeded webhook connector talks to (FULFILMENT_DEMO only). */
export async function POST(request: Request) {
  return jsonRoute(async () =>
    NextResponse.json(await answerDemoSupportDesk(await readJsonText(request), request.headers.get(SIGNATURE_HEADER))),
  );
}
