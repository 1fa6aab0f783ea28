import { consumeRateLimit } from '../abuse/rate-limit';
import type { AuthenticatedApiKey } from '../api-keys/authenticate-api-key';
import { type RecordedSignal, recordGpcOptOut } from './record-gpc-opt-out';
import { reportOptOutSchema } from '../opt-outs/schemas';

/**
 * Another Bitstride property (its website, its console) reports a Global Privacy Control signal it saw
 * for a signed-in account, with a key holding `opt-outs:write`: counted against the key's hourly
 * limit, validated, then recorded as an opt-out of sale/sharing acted on at receipt, once per person.
 */
export async function reportOptOut(options: {
  apiKey: AuthenticatedApiKey;
  body: unknown;
  ip?: string | null;
  userAgent?: string | null;
}): Promise<RecordedSignal> {
  await consumeRateLimit('opt-outs-api-key', options.apiKey.id);
  const input = reportOptOutSchema.parse(options.body);
  return recordGpcOptOut({
    email: input.email,
    jurisdiction: input.jurisdiction,
    source: 'property',
    property: input.property,
    observedAt: new Date(input.observedAt),
    accountId: input.accountId,
    apiKeyId: options.apiKey.id,
    channel: 'api',
    ip: options.ip,
    userAgent: options.userAgent,
  });
}
