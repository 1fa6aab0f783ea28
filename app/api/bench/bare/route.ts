import { randomUUID } from 'node:crypto';
import { NextResponse } from 'next/server';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { switchedOffRoute } from '@/lib/http/optional-routes';

/**
 * The baseline of bench/intake.ts: a bare route handler in the same build that only inserts one row
 * (into a table the benchmark creates). 404 unless BENCH_ROUTES=true, which only the benchmark sets
 * (lib/http/optional-routes.ts; proxy.ts answers first, this is the second layer).
 */
export async function POST(request: Request) {
  const switchedOff = switchedOffRoute('/api/bench/bare', env());
  if (switchedOff) return switchedOff;
  const body = await request.text();
  await db().$executeRaw`INSERT INTO bench_bare_insert (id, body) VALUES (${randomUUID()}::uuid, ${body})`;
  return NextResponse.json({ ok: true }, { status: 201 });
}
