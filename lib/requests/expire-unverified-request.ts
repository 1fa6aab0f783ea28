import { recordAuditEvent } from '../audit/record-audit-event';
import { requestRules } from '../clock/request-deadline';
import { deadlineJobKey } from '../clock/schedule-deadline-jobs';
import { db } from '../db';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { publicLinks } from '../email/public-links';
import { env } from '../env';
import { removeJob } from '../queue/add-job';
import { newStatusNonce } from '../security/status-token';
import type { Jurisdiction } from '../universal/codes';
import { formatReference } from '../universal/reference';
import { unverifiedJobKey } from '../verification/issue-verification-token';
import { couldNotVerifyNotices, denialReasonPhrase } from './denial-notices';
import { phrase } from '../universal/i18n/phrase';

/** The decision's message: the email says it, and it is kept with the decision as staff's messages are. */
const RESPONSE_MESSAGE =
  'We did not receive a confirmation of this request before the link we emailed ran out, so we could not verify that it came from the holder of this email address. We have closed the parts of your request that needed verification without acting on them.';

/**
 * The `expire-unverified-request` job: a request whose newest verification link ran out unused is
 * denied because we could not verify it (`cannot_verify`), decided by the system, and the address
 * gets the decision with the notices its regime requires. The email carries a status link (the
 * request gets its status nonce now), so that whoever holds the mailbox can read the decision and,
 * where the regime has an appeal step, appeal it. A link issued since (a re-send) keeps the request
 * open; that link rescheduled this job. Rows closed before this rule keep their status `expired`.
 */
export async function expireUnverifiedRequest(options: { requestId: string; now?: Date }) {
  const now = options.now ?? new Date();
  await db().$transaction(async (tx) => {
    // Serialise with a verification, a re-send or a reminder of the same request.
    await tx.$executeRaw`SELECT 1 FROM privacy_request WHERE id = ${options.requestId}::uuid FOR UPDATE`;
    const live = await tx.verificationLink.count({
      where: { requestId: options.requestId, usedAt: null, expiresAt: { gt: now } },
    });
    if (live > 0) return;
    const updated = await tx.privacyRequest.updateMany({
      where: { id: options.requestId, status: 'unverified' },
      data: {
        status: 'denied',
        denialReason: 'cannot_verify',
        partial: false,
        responseMessage: RESPONSE_MESSAGE,
        decidedAt: now,
        decidedById: null,
        closedAt: now,
        statusNonce: newStatusNonce(),
      },
    });
    if (updated.count === 0) return;
    const request = await tx.privacyRequest.findUniqueOrThrow({ where: { id: options.requestId } });
    await removeJob(tx, unverifiedJobKey.remind(request.id));
    await removeJob(tx, deadlineJobKey.acknowledge(request.id));
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'request.denied',
      actor: { type: 'system' },
      summary: 'Closed: the email address was not confirmed in time, so we could not verify the request',
      data: { reason: 'cannot_verify', partial: false, unconfirmed: true },
    });
    const [rule] = requestRules(request);
    await enqueueEmail(tx, {
      template: 'request-not-verified',
      to: request.email,
      requestId: request.id,
      props: {
        brand: brand(),
        reference: formatReference(request.number, request.receivedAt),
        // The same words as kept with the decision, in the request's language.
        message: phrase('legal.closed.unconfirmed'),
        reasonLabel: denialReasonPhrase('cannot_verify'),
        notices: couldNotVerifyNotices(
          request.jurisdiction as Jurisdiction,
          { contactEmail: env().PRIVACY_CONTACT_EMAIL, privacyPolicyUrl: env().PRIVACY_POLICY_URL },
          rule,
        ),
        statusUrl: publicLinks.statusOf(request),
        newRequestUrl: `${env().APP_URL}/`,
      },
    });
  });
}
