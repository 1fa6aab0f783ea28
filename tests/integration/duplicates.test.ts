import { beforeEach, describe, expect, it } from 'vitest';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { db } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import type { NewRequest } from '../../lib/universal/request-schema';
import { getRequestDetail } from '../../lib/requests/staff/get-request-detail';
import { listRequests } from '../../lib/requests/staff/list-requests';
import { submitRequest } from '../../lib/requests/submit-request';
import { verifyRequest } from '../../lib/verification/verify-request';
import { resetDatabase } from '../support/reset-database';
import { aRequest, latestVerificationToken } from '../support/requests';
import { aStaffIdentity } from '../support/staff';

let viewer: StaffIdentity;
const DAY = 86_400_000;

beforeEach(async () => {
  await resetDatabase();
  viewer = await aStaffIdentity('viewer');
});

async function verified(input: NewRequest, now = new Date()) {
  const created = await submitRequest({ input, channel: 'web', now });
  const tokens = await db().outboxEmail.findMany({
    where: { to: input.email, template: 'verify-request' },
    orderBy: { createdAt: 'desc' },
    take: 1,
  });
  expect(tokens.length).toBe(1);
  await verifyRequest({ token: await latestVerificationToken(input.email), now });
  return created;
}

describe('possible duplicates', () => {
  it('flags a verified request from the same email for the same type within the window, on the queue and the detail', async () => {
    const first = await verified(aRequest({ email: 'Dup.Person@example.com', types: ['access'] }));
    const other = await verified(aRequest({ email: 'dup.person@example.com', types: ['deletion'] })); // another type
    const again = await verified(aRequest({ email: 'dup.person@EXAMPLE.com', types: ['access', 'export'] }));
    const stranger = await verified(aRequest({ types: ['access'] }));

    const rows = (await listRequests({ staff: viewer, filter: {} })).rows;
    const flagged = Object.fromEntries(rows.map((r) => [r.id, r.possibleDuplicate]));
    expect(flagged).toEqual({ [first.id]: false, [other.id]: false, [again.id]: true, [stranger.id]: false });
    const detail = await getRequestDetail({ staff: viewer, requestId: again.id });
    expect(detail.possibleDuplicateOf).toEqual({ id: first.id, reference: first.reference, status: 'verified' });
    expect(await db().auditEvent.count({ where: { requestId: again.id, action: 'request.possible_duplicate' } })).toBe(
      1,
    );
    // Nothing else changes: staff decide.
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: again.id } })).status).toBe('verified');
  });

  it('does not flag outside the window, and the window is configurable', async () => {
    const long = new Date(Date.now() - 31 * DAY);
    await verified(aRequest({ email: 'late@example.com', types: ['access'] }), long);
    const later = await verified(aRequest({ email: 'late@example.com', types: ['access'] }));
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: later.id } })).possibleDuplicateOfId).toBeNull();

    const older = await verified(
      aRequest({ email: 'older@example.com', types: ['access'] }),
      new Date(Date.now() - 45 * DAY),
    );
    try {
      process.env.DUPLICATE_WINDOW_DAYS = '60';
      resetEnvCache();
      const within60 = await verified(aRequest({ email: 'older@example.com', types: ['access'] }));
      expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: within60.id } })).possibleDuplicateOfId).toBe(
        older.id,
      );
      process.env.DUPLICATE_WINDOW_DAYS = '0'; // off
      resetEnvCache();
      const off = await verified(aRequest({ email: 'older@example.com', types: ['access'] }));
      expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: off.id } })).possibleDuplicateOfId).toBeNull();
    } finally {
      delete process.env.DUPLICATE_WINDOW_DAYS;
      resetEnvCache();
    }
  });
});
