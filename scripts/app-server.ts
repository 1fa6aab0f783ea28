/**
 * The HTTP server in front of Next.js, for `npm run dev`, `npm start` and the test servers
 * (scripts/run-app.ts starts it: `node --import tsx scripts/app-server.ts dev|start`).
 *
 * It exists for one decision that needs the connection: who the client is. Next.js fills in
 * X-Forwarded-For from the socket only when a request has none, so by the time a route handler runs
 * a client's own X-Forwarded-For is indistinguishable from a proxy's. Here the socket is still known:
 * lib/http/client-address.ts resolves the client from it and TRUSTED_PROXIES and rewrites the headers
 * before Next.js (proxy.ts, route handlers, server actions, next-auth) sees the request. It also
 * times every request, by route pattern, for the metrics (lib/observability/observe-http-request.ts).
 *
 * Shutdown is `next start`'s: on SIGTERM or SIGINT stop accepting, let requests in flight finish,
 * close Next.js, exit 143 or 130; bounded in time like `next dev`'s (SHUTDOWN_GRACE_MS).
 */
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { env } from '../lib/env';
import { assignClientAddress, trustProxies } from '../lib/http/client-address';
import { observeHttpRequest } from '../lib/observability/observe-http-request';
import { loadRoutePatterns } from '../lib/observability/route-patterns';

const dev = process.argv[2] === 'dev';
const { PORT, TRUSTED_PROXIES } = env();
const trust = trustProxies(TRUSTED_PROXIES);
const dir = fileURLToPath(new URL('..', import.meta.url));
// Read once: the routes are the build's (a page added under `next dev` is labelled after a restart).
const routePatterns = loadRoutePatterns(path.join(dir, 'app'));

const app = next({ dev, dir, hostname: 'localhost', port: PORT });
const handle = app.getRequestHandler();

const server = createServer((request, response) => {
  observeHttpRequest(request, response, routePatterns);
  assignClientAddress(request, trust);
  // DRP agents may post to `/v1/data-rights-request/` (the path before DRP 0.9.3): Next.js would answer
  // a 308 redirect, which not every agent follows for a POST, so the slash is dropped here instead.
  if (request.url?.startsWith('/api/drp/')) request.url = request.url.replace(/^([^?]*?)\/+(?=\?|$)/, '$1');
  handle(request, response).catch((error) => {
    console.error(`[app] failed to handle ${request.method} ${request.url}`, error);
    if (!response.headersSent) response.statusCode = 500;
    response.end();
  });
});
// Next.js adds its own upgrade listener (the development server's live reload) on the first request;
// this one runs before it.
server.on('upgrade', (request) => assignClientAddress(request, trust));

/**
 * How long a shutdown may take before the process exits anyway. `next dev` gives its server 100 ms;
 * a production server lets requests in flight finish, within the time orchestrators usually allow.
 */
const SHUTDOWN_GRACE_MS = dev ? 1_000 : 10_000;

let stopping = false;
function stop(signal: 'SIGTERM' | 'SIGINT') {
  if (stopping) return;
  stopping = true;
  const code = signal === 'SIGINT' ? 130 : 143;
  setTimeout(() => process.exit(code), SHUTDOWN_GRACE_MS);
  server.close(() => {
    app
      .close()
      .catch((error) => console.error(error))
      .finally(() => process.exit(code));
  });
  // The development server's live-reload sockets never end by themselves.
  if (dev) server.closeAllConnections();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));

await app.prepare();
server.listen(PORT, () => {
  // What `next start` sets: the origin Next.js fetches itself at (a server action's redirect), never the Host header.
  process.env.__NEXT_PRIVATE_ORIGIN = `http://localhost:${PORT}`;
  const proxies = TRUSTED_PROXIES.length
    ? `trusting X-Forwarded-For from ${TRUSTED_PROXIES.join(', ')}`
    : 'no proxy trusted';
  console.log(`[app] Next.js (${dev ? 'dev' : 'start'}) listening on port ${PORT}, ${proxies}`);
});
