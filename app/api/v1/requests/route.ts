import { NextResponse } from 'next/server';
import { AGENT_JSON_MAX_BYTES, splitAgentDocument } from '@/lib/agents/agent-document';
import { clientInfo } from '@/lib/http/client-info';
import { jsonRoute, MAX_JSON_BYTES, readJsonText, parseJsonText } from '@/lib/http/json-route';
import { AppError } from '@/lib/errors';
import { apiLocaleOf, parseInLocale } from '@/lib/i18n/api-locale';
import { apiRequestSchema } from '@/lib/universal/request-schema';
import { submitRequest } from '@/lib/requests/submit-request';

/**
 * POST /api/v1/requests: file a request. The email then receives a verification link, or, for a
 * request of opt-outs only (no verification), a confirmation with the status-page link. An authorized
 * agent sends its proof inline, `agent.document` as `{ filename, content: <base64> }`: only then may
 * the body pass 64 KB. The request's language is its `locale`, else the client's Accept-Language: its
 * validation errors come in it, and so do the requester's emails.
 */
export async function POST(request: Request) {
  return jsonRoute(async () => {
    const text = await readJsonText(request, AGENT_JSON_MAX_BYTES);
    const { body, agentDocument } = splitAgentDocument(parseJsonText(text));
    if (Buffer.byteLength(text) > MAX_JSON_BYTES && !agentDocument)
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        'The request body must be at most 64 KB (8 MB with an agent’s document).',
      );
    const locale = apiLocaleOf(body, request.headers);
    const input = parseInLocale(apiRequestSchema, body, locale);
    const created = await submitRequest({
      input: { ...input, locale },
      agentDocument,
      channel: 'api',
      ...clientInfo(request.headers),
    });
    const { id, reference, status, verificationRequired, actedOnAtReceipt } = created;
    return NextResponse.json({ id, reference, status, verificationRequired, actedOnAtReceipt }, { status: 201 });
  });
}
