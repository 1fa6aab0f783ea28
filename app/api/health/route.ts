import { NextResponse } from 'next/server';
import { db } from '@/lib/db';

export const dynamic = 'force-dynamic';

/** 200 `{ db: "ok" }` while the database answers within a second, 503 otherwise. */
export async function GET() {
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000)),
    ]);
    return NextResponse.json({ db: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return NextResponse.json({ db: 'unavailable' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}
