import { recordAuditEvent } from '../audit/record-audit-event';
import { requestRules } from '../clock/request-deadline';
import { cancelDeadlineJobs } from '../clock/schedule-deadline-jobs';
import { db } from '../db';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { publicLinks } from '../email/public-links';
import { env } from '../env';
import { couldNotVerifyNotices, denialReasonPhrase } from './denial-notices';
import { assertTransition } from './status-machine';
import type { Jurisdiction } from '../universal/codes';
import { formatReference } from '../universal/reference';
import { verificationShortfall } from '../verification/verification-gate';
import { phrase } from '../universal/i18n/phrase';

const BATCH = 200;

const RESPONSE_MESSAGE =
  'The law asks us to be sure a request comes from the person it concerns before we act on it. By the date we had to answer, we had not been able to verify your identity to the degree your request needs, so we have closed it without acting on the parts that needed that verification.';

/**
 * Daily (crontab): a request still below the verification level its regime asks before work when its
 * due date arrives is closed as "could not verify" (denied, `cannot_verify`), by the system, with the
 * notices its regime requires (appeal where there is one). Staff can close one earlier themselves.
 * Returns how many were closed.
 */
export async function closeUnverifiableRequests(now = new Date()): Promise<number> {
  let closed = 0;
  let cursor: string | undefined;
  for (;;) {
    const due = await db().privacyRequest.findMany({
      where: {
        status: { in: ['verified', 'awaiting_requester'] },
        dueAt: { lte: now },
        ...(cursor ? { id: { gt: cursor } } : {}),
      },
      select: { id: true, jurisdiction: true, types: true, verificationLevel: true, verificationRequired: true },
      orderBy: { id: 'asc' },
      take: BATCH,
    });
    if (due.length === 0) return closed;
    cursor = due.at(-1)!.id;
    for (const candidate of due) {
      if (verificationShortfall(candidate, 'work') && (await closeOne(candidate.id, now))) closed += 1;
    }
  }
}

async function closeOne(requestId: string, now: Date) {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM privacy_request WHERE id = ${requestId}::uuid FOR UPDATE`;
    const request = await tx.privacyRequest.findUniqueOrThrow({ where: { id: requestId } });
    // Looked at again under the lock: proof may have arrived, or staff acted, since the list was read.
    if (!['verified', 'awaiting_requester'].includes(request.status) || request.dueAt > now) return false;
    const shortfall = verificationShortfall(request, 'work');
    if (!shortfall) return false;
    assertTransition(request.status, 'deny');
    await tx.privacyRequest.update({
      where: { id: request.id },
      data: {
        status: 'denied',
        denialReason: 'cannot_verify',
        partial: false,
        responseMessage: RESPONSE_MESSAGE,
        decidedAt: now,
        decidedById: null,
        closedAt: now,
      },
    });
    await tx.clockPause.updateMany({ where: { requestId: request.id, endedAt: null }, data: { endedAt: now } });
    await cancelDeadlineJobs(tx, request.id);
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'request.denied',
      actor: { type: 'system' },
      summary: 'Closed: we could not verify your identity to the degree this request needs by its due date',
      data: { reason: 'cannot_verify', partial: false, level: request.verificationLevel, shortfall },
    });
    const [rule] = requestRules(request);
    await enqueueEmail(tx, {
      template: 'request-decided',
      to: request.email,
      requestId: request.id,
      props: {
        brand: brand(),
        reference: formatReference(request.number, request.receivedAt),
        outcome: 'denied',
        reasonLabel: denialReasonPhrase('cannot_verify'),
        // The same words as kept with the decision, in the request's language.
        message: phrase('legal.closed.unverifiable'),
        notices: couldNotVerifyNotices(
          request.jurisdiction as Jurisdiction,
          { contactEmail: env().PRIVACY_CONTACT_EMAIL, privacyPolicyUrl: env().PRIVACY_POLICY_URL },
          rule,
        ),
        statusUrl: publicLinks.statusOf(request),
      },
    });
    return true;
  });
}
