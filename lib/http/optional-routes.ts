import { NextResponse } from 'next/server';
import type { Env } from '../env';

/**
 * Routes that exist only for a benchmark or a demo, each with the setting that turns it on. Off,
 * they answer 404 to every method (proxy.ts), as if they were not in the build. A production start
 * has both off unless told otherwise.
 */
const OPTIONAL_ROUTES: { prefix: string; on: (env: Env) => boolean }[] = [
  // The baseline of bench/intake.ts, which starts the production build with BENCH_ROUTES=true.
  { prefix: '/api/bench/', on: (env) => env.BENCH_ROUTES },
  // The help desk the seeded demo webhook connector calls: FULFILMENT_DEMO, on outside production.
  { prefix: '/api/demo/', on: (env) => env.fulfilmentDemo },
];

/** The 404 for a path of an optional route whose setting is off; null for any other path. */
export function switchedOffRoute(pathname: string, env: Env): NextResponse | null {
  if (!OPTIONAL_ROUTES.some((route) => pathname.startsWith(route.prefix) && !route.on(env))) return null;
  return NextResponse.json({ error: { code: 'NOT_FOUND', message: 'Not found.' } }, { status: 404 });
}
