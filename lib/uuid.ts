import * as z from 'zod/mini';

const uuid = z.uuid();

/**
 * Whether a value is a UUID, by the same rule as the `z.uuid()` of every schema: an id in a URL or
 * a callback that is not one cannot be ours, and never reaches a query (PostgreSQL would reject it).
 */
export function isUuid(value: unknown): value is string {
  return uuid.safeParse(value).success;
}
