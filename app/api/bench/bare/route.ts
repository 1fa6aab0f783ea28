import { randomUUID } from 'node:crypto';
import { NextResponse } from 'next/server';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

/**
 * The baseline of bench/intake.ts: a bare route handler in the same build that only inserts one row
 * (into a table the benchmark creates). 404 unless BENCH_ROUTES=true, which only the benchmark sets.
 */
export async function POST(request: Request) {
  if (!env().BENCH_ROUTES) return NextResponse.json({ error: { code: 'NOT_FOUND', message: 'Not found' } }, { status: 404 });
  const body = await request.text();
  await db().$executeRaw`INSERT INTO bench_bare_insert (id, body) VALUES (${randomUUID()}::uuid, ${body})`;
  return NextResponse.json({ ok: true }, { status: 201 });
}
