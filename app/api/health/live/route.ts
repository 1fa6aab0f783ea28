import { NextResponse } from 'next/server';

export const dynamic = 'force-dynamic';

/** Liveness: 200 while the process answers. Nothing else is checked, so an outage elsewhere never restarts it. */
export function GET() {
  return NextResponse.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
