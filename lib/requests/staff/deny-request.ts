import { recordAuditEvent } from '../../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { cancelDeadlineJobs } from '../../clock/schedule-deadline-jobs';
import { requestRules } from '../../clock/request-deadline';
import { db, type Tx } from '../../db';
import { brand, enqueueEmail } from '../../email/enqueue-email';
import { env } from '../../env';
import { AppError } from '../../errors';
import type { Jurisdiction } from '../../universal/codes';
import { DENIAL_REASONS, denialNotices, type DenialReason } from '../denial-notices';
import { publicLinks } from '../../email/public-links';
import { formatReference } from '../../universal/reference';
import { lockRequestFor } from './lock-request';
import { denialSchema } from './schemas';

/**
 * Denies a request in whole or in part, with a reason code and a message. The requester's email
 * carries the notices their regime requires (complaint and court for EU/UK, appeal and the Attorney
 * General for the US states with an appeal step, the Commissioner for Canada, the CAI for Quebec). One transaction: status, audit, email, jobs cancelled.
 */
export async function denyRequest(
  options: { staff: StaffIdentity; requestId: string; reason: DenialReason; partial: boolean; message: string },
  tx?: Tx,
) {
  const staff = authorize(options.staff, 'requests.work');
  const { message } = denialSchema.parse(options);
  const run = async (t: Tx) => {
    const { request, nextStatus } = await lockRequestFor(t, options.requestId, 'deny');
    const now = new Date();
    const status = options.partial ? 'completed' : nextStatus;
    await t.privacyRequest.update({
      where: { id: request.id },
      data: {
        status,
        denialReason: options.reason,
        partial: options.partial,
        responseMessage: message,
        decidedAt: now,
        decidedById: staff.id,
        closedAt: now,
      },
    });
    await t.clockPause.updateMany({ where: { requestId: request.id, endedAt: null }, data: { endedAt: now } });
    await cancelDeadlineJobs(t, request.id);
    await recordAuditEvent(t, {
      requestId: request.id,
      action: options.partial ? 'request.partially_denied' : 'request.denied',
      actor: { type: 'staff', id: staff.id },
      summary: options.partial
        ? 'We answered your request in part; see our email for the reasons'
        : 'We could not fulfil your request; see our email for the reasons',
      data: { reason: options.reason, partial: options.partial },
    });
    const [rule] = requestRules(request);
    await enqueueEmail(t, {
      template: 'request-decided',
      to: request.email,
      requestId: request.id,
      props: {
        brand: brand(),
        reference: formatReference(request.number, request.receivedAt),
        outcome: options.partial ? 'partially_denied' : 'denied',
        reasonLabel: DENIAL_REASONS[options.reason],
        message,
        notices: denialNotices(request.jurisdiction as Jurisdiction, env().PRIVACY_CONTACT_EMAIL, rule),
        statusUrl: publicLinks.statusOf(request),
      },
    });
    // The agent learns its authority was not accepted, whatever the person chose about copies.
    if (options.reason === 'agent_not_authorized' && request.agentEmail)
      await enqueueEmail(t, {
        template: 'agent-not-authorized',
        to: request.agentEmail,
        requestId: request.id,
        props: { brand: brand(), reference: formatReference(request.number, request.receivedAt), by: 'staff' },
      });
  };
  return tx ? run(tx) : db().$transaction(run);
}
