import type { IncomingMessage, ServerResponse } from 'node:http';
import { instruments } from './registry';
import { type RoutePattern, routeOf } from './route-patterns';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Times one request in scripts/app-server.ts, from its arrival to the end of its response, into
 * portal_http_request_duration_seconds labelled by route pattern, method and status. A response the
 * client abandons counts with status 499, as nginx logs it.
 */
export function observeHttpRequest(
  request: IncomingMessage,
  response: ServerResponse,
  patterns: readonly RoutePattern[],
) {
  const started = process.hrtime.bigint();
  let pathname = '/';
  try {
    pathname = new URL(request.url ?? '/', 'http://portal.invalid').pathname;
  } catch {}
  const route = routeOf(patterns, pathname);
  const method = METHODS.has(request.method ?? '') ? (request.method as string) : 'OTHER';
  let done = false;
  const record = (status: number) => {
    if (done) return;
    done = true;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    instruments().http.observe({ method, route, status: String(status) }, seconds);
  };
  response.once('finish', () => record(response.statusCode));
  response.once('close', () => record(response.writableFinished ? response.statusCode : 499));
}
