/**
 * The DRP's error answers (spec §3.06): a non-200 status with `{ code, message }`, `code` being the
 * HTTP status as a string, and `fatal` when the request will not be processed. The pairing endpoint
 * answers 403 with no body at all (§2.05.1).
 */
export class DrpError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 413 | 429,
    message: string,
    readonly options: { fatal?: boolean; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'DrpError';
  }
}

/** A failed §3.07 check: always 403, always fatal for the message sent (a new signed message may pass). */
export function forbidden(message: string): never {
  throw new DrpError(403, message, { fatal: true });
}
