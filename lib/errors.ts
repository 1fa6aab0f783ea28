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
import { DEFAULT_LOCALE, type DisplayLocale } from './universal/i18n/locales';
import { type Phrase, say } from './universal/i18n/phrase';
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

type AppErrorDetails = {
  fields?: Record<string, string[]>;
  retryAfterSeconds?: number;
  /** The message as a catalog phrase: said in the language of whoever is answered (`publicError`). */
  phrase?: Phrase;
  /** The field the phrase is about: it is that field's one message too. */
  phraseField?: string;
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: AppErrorDetails,
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** An error a requester may read, worded by the catalog: its message is English, its answer in theirs. */
  static said(code: ErrorCode, phrase: Phrase, details?: Omit<AppErrorDetails, 'phrase'>): AppError {
    return new AppError(code, say(translatorFor(DEFAULT_LOCALE), phrase), { ...details, phrase });
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
export function publicError(error: unknown, locale: DisplayLocale = DEFAULT_LOCALE): PublicError {
  const t = translatorFor(locale);
  if (error instanceof AppError) {
    const { phrase, phraseField } = error.details ?? {};
    const message = phrase ? say(t, phrase) : error.message;
    return {
      status: error.status,
      code: error.code,
      message,
      fields: phraseField ? { ...error.details?.fields, [phraseField]: [message] } : error.details?.fields,
      retryAfterSeconds: error.details?.retryAfterSeconds ?? (error.code === 'UNAVAILABLE' ? 30 : undefined),
    };
  }
  if (error instanceof z.core.$ZodError) {
    return {
      status: ERROR_STATUS.INVALID_INPUT,
      code: 'INVALID_INPUT',
      message: t('api.invalidInput'),
      // In English unless the caller names the reader's language (the JSON API, the request form).
      fields: fieldErrors(error, (issue) => localizeIssue(t, issue)),
    };
  }
  if (isDatabaseUnavailable(error)) {
    logger.warn({ err: error }, 'database unavailable');
    return {
      status: 503,
      code: 'UNAVAILABLE',
      message: t('api.unavailable'),
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
      message: t('api.busy'),
      retryAfterSeconds: 30,
    };
  }
  const reference = randomUUID();
  logger.error({ err: error, reference }, 'unexpected error');
  return {
    status: 500,
    code: 'INTERNAL',
    message: t('api.internal', { reference }),
    reference,
  };
}

/** The body every API error has: `{ error: { code, message, fields?, reference? } }`. */
export function toErrorBody(
  error: unknown,
  locale: DisplayLocale = DEFAULT_LOCALE,
): {
  status: number;
  body: { error: Record<string, unknown> };
  retryAfterSeconds?: number;
} {
  const { status, code, message, fields, reference, retryAfterSeconds } = publicError(error, locale);
  return {
    status,
    body: { error: { code, message, ...(fields ? { fields } : {}), ...(reference ? { reference } : {}) } },
    retryAfterSeconds,
  };
}
