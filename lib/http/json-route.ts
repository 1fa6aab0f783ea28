import { NextResponse } from 'next/server';
import { AppError, toErrorBody } from '../errors';
import { DEFAULT_LOCALE, type Locale } from '../universal/i18n/locales';
import { phrase } from '../universal/i18n/phrase';

export const MAX_JSON_BYTES = 64 * 1024;

/**
 * Runs a route handler body; what it throws is answered as `toErrorBody` says (a ZodError: 422 with
 * its field errors), its messages in `locale`. A requester's route may learn the language on the way
 * (the body's `locale`, once parsed) and tell it with `answerIn`: what is thrown after speaks it.
 */
export async function jsonRoute(
  run: (answerIn: (locale: Locale) => void) => Promise<Response>,
  locale: Locale = DEFAULT_LOCALE,
): Promise<Response> {
  let answerLocale = locale;
  try {
    return await run((l) => {
      answerLocale = l;
    });
  } catch (error) {
    const { status, body, retryAfterSeconds } = toErrorBody(error, answerLocale);
    return NextResponse.json(body, {
      status,
      headers: retryAfterSeconds ? { 'Retry-After': String(retryAfterSeconds) } : {},
    });
  }
}

/** "At most 64 KB" or "at most 8 MB", in the reader's units (French says Ko and Mo). */
function tooLargePhrase(bytes: number) {
  return bytes % (1024 * 1024) === 0
    ? phrase('api.bodyTooLarge.megabytes', { megabytes: bytes / (1024 * 1024) })
    : phrase('api.bodyTooLarge.kilobytes', { kilobytes: Math.round(bytes / 1024) });
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
    throw AppError.said('UNSUPPORTED_MEDIA_TYPE', phrase('api.unsupportedMediaType'));
  }
  const body = await readBoundedBody(request, maxBytes, () =>
    AppError.said('PAYLOAD_TOO_LARGE', tooLargePhrase(maxBytes)),
  );
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw AppError.said('BAD_REQUEST', phrase('api.notUtf8'));
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
    throw AppError.said('BAD_REQUEST', phrase('api.notJson'));
  }
}
