import { NextResponse } from 'next/server';
import { checkMetricsToken } from '@/lib/observability/check-metrics-token';
import { scrapeMetrics } from '@/lib/observability/scrape-metrics';

export const dynamic = 'force-dynamic';

/** Prometheus metrics for a scraper holding METRICS_TOKEN; 404 while it is unset, 401 without it. */
export async function GET(request: Request) {
  const access = checkMetricsToken(request.headers.get('authorization'));
  if (access === 'off')
    return NextResponse.json({ error: { code: 'NOT_FOUND', message: 'Not found.' } }, { status: 404 });
  if (access === 'refused')
    return NextResponse.json(
      { error: { code: 'UNAUTHORIZED', message: 'A bearer token is required.' } },
      { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="metrics"', 'Cache-Control': 'no-store' } },
    );
  const { contentType, body } = await scrapeMetrics();
  return new Response(body, { headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' } });
}
