import { NextResponse } from 'next/server';
import { AppError } from '@/lib/errors';
import { clientInfo } from '@/lib/http/client-info';
import { jsonRoute } from '@/lib/http/json-route';
import { negotiateLocale } from '@/lib/i18n/negotiate-locale';
import { getRequestStatus } from '@/lib/requests/get-request-status';
import { statusForApi } from '@/lib/requests/status-for-api';
import { phrase } from '@/lib/universal/i18n/phrase';
import { tokenSchema } from '@/lib/universal/request-schema';

/**
 * GET /api/v1/requests/{id}?token=…: the request's status, for the holder of its status-page token.
 * Its errors speak the client's Accept-Language (nothing else names a language before the token is checked).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return jsonRoute(
    async () => {
      const { id } = await params;
      const token = tokenSchema.safeParse(new URL(request.url).searchParams.get('token') ?? '');
      if (!token.success) throw AppError.said('NOT_FOUND', phrase('api.statusLinkInvalid'));
      const status = await getRequestStatus({ requestId: id, token: token.data, ip: clientInfo(request.headers).ip });
      return NextResponse.json(statusForApi(status), {
        headers: { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' },
      });
    },
    negotiateLocale(request.headers.get('accept-language')),
  );
}
