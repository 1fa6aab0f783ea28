/**
 * Per-hour rate limits, counted in PostgreSQL by rate-limiter-flexible (so every web instance shares
 * them). The limits protect inboxes and the status-link space without ever getting in the way of
 * someone who follows the links we sent: failed status lookups count, successful ones do not.
 * The client address is the one scripts/app-server.ts resolved from the connection and
 * TRUSTED_PROXIES (lib/http/client-info.ts). Expired counters are removed by the daily retention job.
 */
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import pg from 'pg';
import { env } from '../env';
import { AppError } from '../errors';
import { emailHashes } from '../security/tokens';
import { type Phrase, phrase } from '../universal/i18n/phrase';

export type RateLimitRule =
  | 'submit-ip'
  | 'submit-email'
  | 'resend-ip'
  | 'failed-lookup-ip'
  | 'identity-answers-ip'
  | 'identity-answers-request'
  | 'complaint-ip'
  | 'drp-agent'
  | 'opt-outs-api-key'
  | 'staff-api-key';

/** What a requester is told, in their language; the rules of agents and API keys answer in English. */
const MESSAGES: Record<RateLimitRule, Phrase | string> = {
  'submit-ip': phrase('api.rateLimited.submitIp'),
  'submit-email': phrase('api.rateLimited.submitEmail'),
  'resend-ip': phrase('api.rateLimited.resendIp'),
  'failed-lookup-ip': phrase('api.rateLimited.failedLookupIp'),
  'identity-answers-ip': phrase('api.rateLimited.identityAnswersIp'),
  'identity-answers-request': phrase('api.rateLimited.identityAnswersRequest'),
  'complaint-ip': phrase('api.rateLimited.complaintIp'),
  'drp-agent': 'Too many Data Rights Protocol calls from this agent in the last hour. Please try again later.',
  'opt-outs-api-key':
    'Too many opt-outs have been reported with this API key in the last hour. Please try again later.',
  'staff-api-key': 'Too many calls with this API key in the last hour. Please try again after Retry-After.',
};

const globalForLimits = globalThis as unknown as {
  rateLimitPool?: pg.Pool;
  rateLimiters?: Map<string, RateLimiterPostgres>;
};

function points(rule: RateLimitRule): number {
  const e = env();
  return {
    'submit-ip': e.RATE_LIMIT_SUBMIT_PER_IP,
    'submit-email': e.RATE_LIMIT_SUBMIT_PER_EMAIL,
    'resend-ip': e.RATE_LIMIT_RESEND_PER_IP,
    'failed-lookup-ip': e.RATE_LIMIT_FAILED_LOOKUPS_PER_IP,
    'identity-answers-ip': e.RATE_LIMIT_IDENTITY_ANSWERS_PER_IP,
    'identity-answers-request': e.RATE_LIMIT_IDENTITY_ANSWERS_PER_REQUEST,
    'complaint-ip': e.RATE_LIMIT_COMPLAINTS_PER_IP,
    'drp-agent': e.DRP_RATE_LIMIT_PER_AGENT,
    'opt-outs-api-key': e.RATE_LIMIT_OPT_OUTS_PER_KEY,
    'staff-api-key': e.RATE_LIMIT_STAFF_API_PER_KEY,
  }[rule];
}

function limiter(rule: RateLimitRule): RateLimiterPostgres {
  globalForLimits.rateLimiters ??= new Map();
  // Keyed by the limit too, so that a changed setting (the environment read again) takes effect.
  const cacheKey = `${rule}:${points(rule)}`;
  let found = globalForLimits.rateLimiters.get(cacheKey);
  if (!found) {
    globalForLimits.rateLimitPool ??= new pg.Pool({ connectionString: env().DATABASE_URL, max: 3 });
    found = new RateLimiterPostgres({
      storeClient: globalForLimits.rateLimitPool,
      tableName: 'rate_limit',
      tableCreated: true,
      keyPrefix: rule,
      points: points(rule),
      duration: 3600,
    });
    globalForLimits.rateLimiters.set(cacheKey, found);
  }
  return found;
}

/**
 * Keyed hashes, never the address itself: the counters must not become a store of personal data.
 * The first is under APP_SECRET, where this event counts; the others under APP_SECRET_PREVIOUS,
 * where events of the last hour before a rotation were counted and still count.
 */
function keysFor(_rule: RateLimitRule, subject: string) {
  return emailHashes(subject);
}

/** Points spent under previous keys within their window (none once the hour after a rotation is over). */
async function spentBeforeRotation(rule: RateLimitRule, previous: string[]): Promise<number> {
  let spent = 0;
  for (const key of previous) spent += (await limiter(rule).get(key))?.consumedPoints ?? 0;
  return spent;
}

function tooMany(rule: RateLimitRule, res: RateLimiterRes): never {
  const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  const message = MESSAGES[rule];
  if (typeof message === 'string') throw new AppError('RATE_LIMITED', message, { retryAfterSeconds });
  throw AppError.said('RATE_LIMITED', message, { retryAfterSeconds });
}

/** Counts one event against `rule` for `subject` (an IP, an email, or a request id); throws RATE_LIMITED past the limit. */
export async function consumeRateLimit(rule: RateLimitRule, subject: string | null | undefined) {
  if (!subject || !env().RATE_LIMITS) return;
  const [key, ...previous] = keysFor(rule, subject);
  try {
    const res = await limiter(rule).consume(key);
    if (previous.length && res.consumedPoints + (await spentBeforeRotation(rule, previous)) > points(rule))
      tooMany(rule, res);
  } catch (result) {
    if (result instanceof RateLimiterRes) tooMany(rule, result);
    throw result;
  }
}

/** Refuses at once if `subject` is already past `rule`'s limit, without counting this attempt. */
export async function assertUnderRateLimit(rule: RateLimitRule, subject: string | null | undefined) {
  if (!subject || !env().RATE_LIMITS) return;
  const [key, ...previous] = keysFor(rule, subject);
  const res = await limiter(rule).get(key);
  const spent = (res?.consumedPoints ?? 0) + (await spentBeforeRotation(rule, previous));
  if (spent >= points(rule)) tooMany(rule, res ?? new RateLimiterRes(points(rule) - spent, 3_600_000, spent));
}
