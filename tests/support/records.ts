import { randomUUID } from 'node:crypto';
import { db } from '../../lib/db';
import type { RequestStatus, RequestType } from '../../lib/universal/codes';

const DAY = 86_400_000;

/**
 * A request row written directly, with exact dates, for record-keeping tests: metrics and retention
 * are about what happened over months, which the domain functions cannot replay at test speed.
 */
export async function aRecordedRequest(options: {
  types: readonly RequestType[];
  jurisdiction: string;
  status: RequestStatus;
  receivedAt: string | Date;
  dueDays?: number;
  decidedDays?: number;
  closedDays?: number;
  partial?: boolean;
  denialReason?: 'cannot_verify' | 'manifestly_unfounded' | 'exempt' | 'not_covered' | 'duplicate' | 'other';
  email?: string;
  channel?: 'web' | 'api';
}) {
  const receivedAt = new Date(options.receivedAt);
  const at = (days: number | undefined) => (days === undefined ? null : new Date(receivedAt.getTime() + days * DAY));
  const decidedAt = at(options.decidedDays);
  const id = randomUUID();
  return db().privacyRequest.create({
    data: {
      id,
      types: [...options.types],
      jurisdiction: options.jurisdiction,
      status: options.status,
      channel: options.channel ?? 'web',
      email: options.email ?? `${id}@example.com`,
      emailHash: id.replace(/-/g, ''),
      name: 'Rec Orded',
      submissionTokenHash: `test-${id}`,
      receivedAt,
      dueAt: at(options.dueDays ?? 45)!,
      verifiedAt: options.status === 'unverified' || options.status === 'expired' ? null : receivedAt,
      verificationLevel: options.status === 'unverified' || options.status === 'expired' ? 'none' : 'email',
      decidedAt,
      closedAt: at(options.closedDays ?? options.decidedDays),
      partial: options.partial ?? false,
      denialReason: options.denialReason ?? null,
    },
  });
}
