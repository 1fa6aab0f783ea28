import { NextResponse } from 'next/server';
import { AppError, toErrorBody } from '../errors';

export const MAX_JSON_BYTES = 64 * 1024;

/** Runs a route handler body; what it throws is answered as `toErrorBody` says (a ZodError: 422 with its field errors). */
export async function jsonRoute(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    const { status, body, retryAfterSeconds } = toErrorBody(error);
    return NextResponse.json(body, {
      status,
      headers: retryAfterSeconds ? { 'Retry-After': String(retryAfterSeconds) } : {},
    });
  }
}

function sizeLabel(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/**
 * The body's bytes, read a chunk at a time and stopped past `maxBytes` (a declared Content-Length
 * over it is refused before reading): `tooLarge()` is thrown then.
 */
export async function readBoundedBody(request: Request, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a JSON body as its exact text (a signature over it can be checked): 415 unless it is
 * application/json, 413 past the limit (counted while reading, so a lying Content-Length does not
 * help), 400 unless it is UTF-8.
 */
export async function readJsonText(request: Request, maxBytes = MAX_JSON_BYTES): Promise<string> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as JSON with Content-Type: application/json.');
  }
  const body = await readBoundedBody(
    request,
    maxBytes,
    () => new AppError('PAYLOAD_TOO_LARGE', `The request body must be at most ${sizeLabel(maxBytes)}.`),
  );
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body is not valid UTF-8.');
  }
}

/** Reads and parses a JSON body, as readJsonText; 400 when it does not parse. */
export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  return parseJsonText(await readJsonText(request, maxBytes));
}

/** A body's text as JSON; 400 when it does not parse. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body is not valid JSON.');
  }
}
