/**
 * One error class for everything the app expects to go wrong. Its code decides the HTTP status in
 * one place; its message is safe to show. Anything else is unexpected: it is logged with a reference
 * id and the user sees only that id.
 */
import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { logger } from './logger';
import { translatorFor } from './i18n/catalogs';
import { fieldErrors } from './universal/field-errors';
import { localizeIssue } from './universal/i18n/validation';

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_INPUT: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { fields?: Record<string, string[]>; retryAfterSeconds?: number },
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Connection-level codes: the database is down, restarting, or unreachable (not a bad query). */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  'P1001',
  'P1002',
  'P1017',
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
]);
const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|Connection terminated|Connection ended unexpectedly|Can't reach database|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Connection closed|closed the connection|connect ETIMEDOUT|encountered a connection error|timeout exceeded when trying to connect|Connection is closed/i;

/** Whether an error means "the database is not there right now", looking through its causes. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown };
    for (const code of [e.code, e.kind, e.originalCode]) {
      // SQLSTATE class 08 is "connection exception"; 57P0x are shutdowns and "cannot connect now".
      if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || /^(08|57P0)/.test(code))) return true;
    }
    // A connection attempt to several addresses fails as an AggregateError of per-address errors.
    const inner = (current as { errors?: unknown }).errors;
    if (Array.isArray(inner) && inner.some((x) => isDatabaseUnavailable(x))) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
    current = e.cause;
  }
  return false;
}

/** What anyone outside the server may learn of an error: expected ones as they are, anything else only as a reference. */
export type PublicError = {
  status: number;
  code: ErrorCode | 'INTERNAL';
  message: string;
  fields?: Record<string, string[]>;
  /** Set when the error was unexpected: the id it was logged under. */
  reference?: string;
  retryAfterSeconds?: number;
};

/**
 * The one place an error becomes what a route, a form or a server action shows: an AppError as it
 * is, a ZodError as 422 with its field errors, the database being away as 503, and anything else
 * logged with a reference id that is all the user sees.
 */
export function publicError(error: unknown): PublicError {
  if (error instanceof AppError) {
    return {
      status: error.status,
      code: error.code,
      message: error.message,
      fields: error.details?.fields,
      retryAfterSeconds: error.details?.retryAfterSeconds ?? (error.code === 'UNAVAILABLE' ? 30 : undefined),
    };
  }
  if (error instanceof z.core.$ZodError) {
    return {
      status: ERROR_STATUS.INVALID_INPUT,
      code: 'INVALID_INPUT',
      message: 'Some fields need attention.',
      // The JSON API and the staff forms answer in English; the public form localises its own.
      fields: fieldErrors(error, (issue) => localizeIssue(translatorFor('en'), issue)),
    };
  }
  if (isDatabaseUnavailable(error)) {
    logger.warn({ err: error }, 'database unavailable');
    return {
      status: 503,
      code: 'UNAVAILABLE',
      message: 'We cannot take requests for a moment. Please try again in a minute.',
      retryAfterSeconds: 30,
    };
  }
  // P2028: a transaction could not get a connection, or finish, within its bounds (lib/db.ts): the
  // database is overloaded, not wrong; nothing was written, and the same request can be sent again.
  if ((error as { code?: unknown } | null)?.code === 'P2028') {
    logger.warn({ err: error }, 'database busy: transaction timed out');
    return {
      status: 503,
      code: 'UNAVAILABLE',
      message: 'We are very busy for a moment and nothing was saved. Please try again in a minute.',
      retryAfterSeconds: 30,
    };
  }
  const reference = randomUUID();
  logger.error({ err: error, reference }, 'unexpected error');
  return {
    status: 500,
    code: 'INTERNAL',
    message: `Something went wrong on our side. Reference: ${reference}`,
    reference,
  };
}

/** The body every API error has: `{ error: { code, message, fields?, reference? } }`. */
export function toErrorBody(error: unknown): {
  status: number;
  body: { error: Record<string, unknown> };
  retryAfterSeconds?: number;
} {
  const { status, code, message, fields, reference, retryAfterSeconds } = publicError(error);
  return {
    status,
    body: { error: { code, message, ...(fields ? { fields } : {}), ...(reference ? { reference } : {}) } },
    retryAfterSeconds,
  };
}
