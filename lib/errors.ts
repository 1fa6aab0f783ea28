/**
 * One error class for everything the app expects to go wrong. Its code decides the HTTP status in
 * one place; its message is safe to show. Anything else is unexpected: it is logged with a reference
 * id and the user sees only that id.
 */
import { randomUUID } from 'node:crypto';
import { logger } from './logger';

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

/** The body every API error has: `{ error: { code, message, fields?, reference? } }`. */
export function toErrorBody(error: unknown): { status: number; body: { error: Record<string, unknown> } } {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, ...(error.details?.fields ? { fields: error.details.fields } : {}) } },
    };
  }
  const reference = randomUUID();
  logger.error({ err: error, reference }, 'unexpected error');
  return {
    status: 500,
    body: { error: { code: 'INTERNAL', message: `Something went wrong on our side. Reference: ${reference}`, reference } },
  };
}
