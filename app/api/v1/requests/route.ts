import { NextResponse } from 'next/server';
import { AGENT_JSON_MAX_BYTES, splitAgentDocument } from '@/lib/agents/agent-document';
import { clientInfo } from '@/lib/http/client-info';
import { jsonRoute, MAX_JSON_BYTES, readJsonText, parseJsonText } from '@/lib/http/json-route';
import { AppError } from '@/lib/errors';
import { apiLocaleOf, parseInLocale } from '@/lib/i18n/api-locale';
import { negotiateLocale } from '@/lib/i18n/negotiate-locale';
import { phrase } from '@/lib/universal/i18n/phrase';
import { apiRequestSchema } from '@/lib/universal/request-schema';
import { submitRequest } from '@/lib/requests/submit-request';

/**
 * POST /api/v1/requests: file a request. The email then receives a verification link, or, for a
 * request of opt-outs only (no verification), a confirmation with the status-page link. An authorized
 * agent sends its proof inline, `agent.document` as `{ filename, content: <base64> }`: only then may
 * the body pass 64 KB. The request's language is its `locale`, else the client's Accept-Language: every
 * error's message comes in it (the Accept-Language's until the body parses), and so do the requester's
 * emails. The error's `code` stays the same in every language.
 */
export async function POST(request: Request) {
  return jsonRoute(
    async (answerIn) => {
      const text = await readJsonText(request, AGENT_JSON_MAX_BYTES);
      const parsed = parseJsonText(text);
      const locale = apiLocaleOf(parsed, request.headers);
      answerIn(locale);
      const { body, agentDocument } = splitAgentDocument(parsed);
      if (Buffer.byteLength(text) > MAX_JSON_BYTES && !agentDocument)
        throw AppError.said(
          'PAYLOAD_TOO_LARGE',
          phrase('api.bodyTooLarge.withoutAgentDocument', {
            kilobytes: MAX_JSON_BYTES / 1024,
            megabytes: AGENT_JSON_MAX_BYTES / (1024 * 1024),
          }),
        );
      const input = parseInLocale(apiRequestSchema, body, locale);
      const created = await submitRequest({
        input: { ...input, locale },
        agentDocument,
        channel: 'api',
        ...clientInfo(request.headers),
      });
      const { id, reference, status, verificationRequired, actedOnAtReceipt } = created;
      return NextResponse.json({ id, reference, status, verificationRequired, actedOnAtReceipt }, { status: 201 });
    },
    negotiateLocale(request.headers.get('accept-language')),
  );
}
