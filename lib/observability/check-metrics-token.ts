import { createHash, timingSafeEqual } from 'node:crypto';
import { env } from '../env';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Whether a scrape may read the metrics: `off` while METRICS_TOKEN is unset (the endpoint does not
 * exist), `refused` unless the Authorization header carries the token as a bearer token. Compared as
 * digests in constant time, so neither the token's length nor its prefix leaks through timing.
 */
export function checkMetricsToken(authorization: string | null): 'off' | 'refused' | 'allowed' {
  const token = env().METRICS_TOKEN;
  if (!token) return 'off';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return 'refused';
  return timingSafeEqual(digest(match[1]), digest(token)) ? 'allowed' : 'refused';
}
