import { NextResponse } from 'next/server';
import { checkReadiness } from '@/lib/health/check-readiness';

export const dynamic = 'force-dynamic';

/** Readiness: 200 when the database answers, migrations are applied and storage takes a write; 503 naming what is not. */
export async function GET() {
  const { ready, checks } = await checkReadiness();
  return NextResponse.json(
    { status: ready ? 'ready' : 'not_ready', checks },
    { status: ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
