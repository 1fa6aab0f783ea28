/**
 * The DRP route handlers' frame: off unless DRP is enabled (404), a bounded read of the signed body,
 * and every failure answered as §3.06 says (`{ code, message, fatal? }`, `code` the HTTP status as a
 * string). The pairing endpoint answers any failure with a bare 403 (§2.05.1).
 */
import { env } from '../env';
import { toErrorBody } from '../errors';
import { readBoundedBody } from '../http/json-route';
import { DrpError } from './drp-error';

/** Signed messages are small (a JSON envelope and a few claims). */
export const DRP_MAX_BODY_BYTES = 64 * 1024;

/** The body as text, whatever its Content-Type (OSIRAA's revoke sends none); 413 past the limit. */
export async function readSignedBody(request: Request): Promise<string> {
  const body = await readBoundedBody(
    request,
    DRP_MAX_BODY_BYTES,
    () => new DrpError(413, `A signed message must be at most ${DRP_MAX_BODY_BYTES / 1024} KB.`),
  );
  return body.toString('latin1');
}

function errorAnswer(status: number, message: string, extra: { fatal?: boolean; retryAfterSeconds?: number } = {}) {
  return Response.json(
    { code: String(status), message, ...(extra.fatal ? { fatal: true } : {}) },
    { status, headers: extra.retryAfterSeconds ? { 'Retry-After': String(extra.retryAfterSeconds) } : {} },
  );
}

export async function drpRoute(run: () => Promise<unknown>, options: { bareForbidden?: boolean } = {}) {
  if (!env().drpEnabled) return errorAnswer(404, 'The Data Rights Protocol API is not enabled here.');
  try {
    return Response.json(await run(), { status: 200 });
  } catch (error) {
    const expected = error instanceof DrpError || (error instanceof Error && error.name === 'AppError');
    if (options.bareForbidden && expected) return new Response(null, { status: 403 });
    if (error instanceof DrpError) return errorAnswer(error.status, error.message, error.options);
    const { status, body, retryAfterSeconds } = toErrorBody(error);
    const message = String(body.error.message);
    // The portal's own refusals of the request it files (422 field errors) are the agent's 400.
    return errorAnswer(status === 422 ? 400 : status, message, { retryAfterSeconds, fatal: status === 422 });
  }
}
