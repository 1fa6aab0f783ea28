import { gpcSupportResource } from '@/lib/opt-outs/gpc';

/** `/.well-known/gpc.json` (GPC §3.5): this site honors Global Privacy Control. */
export function GET() {
  return Response.json(gpcSupportResource(), {
    headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=86400' },
  });
}
