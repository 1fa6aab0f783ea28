import { db } from '../../lib/db';
import type { NewRequest } from '../../lib/universal/request-schema';
import { submitRequest } from '../../lib/requests/submit-request';

let counter = 0;

/** A unique, valid request; override any field. */
export function aRequest(overrides: Partial<NewRequest> = {}): NewRequest {
  counter += 1;
  return {
    email: `person${counter}.${Date.now()}@example.com`,
    name: 'Ada Example',
    types: ['access'],
    jurisdiction: 'UK',
    confirm: true,
    ...overrides,
  };
}

/** The verification link's token from the newest verification email to `email`. */
export async function latestVerificationToken(email: string): Promise<string> {
  const row = await db().outboxEmail.findFirstOrThrow({
    where: { to: email, template: 'verify-request' },
    orderBy: { createdAt: 'desc' },
  });
  const match = /\/verify\?token=([A-Za-z0-9_-]{43})/.exec(row.text);
  if (!match) throw new Error('no verification link in the email');
  return match[1];
}

/** The status link from the newest receipt email (or, for a request of opt-outs only, its confirmation). */
export async function latestStatusLink(
  email: string,
  template: 'request-received' | 'opt-out-received' = 'request-received',
): Promise<{ requestId: string; token: string }> {
  const row = await db().outboxEmail.findFirstOrThrow({
    where: { to: email, template },
    orderBy: { createdAt: 'desc' },
  });
  const match = /\/status\/([0-9a-f-]{36})\?token=([A-Za-z0-9_-]{43})/.exec(row.text);
  if (!match) throw new Error('no status link in the email');
  return { requestId: match[1], token: match[2] };
}

export async function submitted(overrides: Partial<NewRequest> = {}) {
  const input = aRequest(overrides);
  const created = await submitRequest({ input, channel: 'web', ip: '203.0.113.9', userAgent: 'test-browser' });
  return { input, created };
}
