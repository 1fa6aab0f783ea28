import { recordAuditEvent } from '../../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { cancelDeadlineJobs } from '../../clock/schedule-deadline-jobs';
import { requestRules } from '../../clock/request-deadline';
import { db, type Tx } from '../../db';
import { brand, enqueueEmail } from '../../email/enqueue-email';
import { env } from '../../env';
import { AppError } from '../../errors';
import type { Jurisdiction } from '../../universal/codes';
import { denialNotices, denialReasonPhrase, noticeRuleContext, type DenialReason } from '../denial-notices';
import { requiredDenialInputs } from '../notice-rules';
import { publicLinks } from '../../email/public-links';
import { formatReference } from '../../universal/reference';
import { lockRequestFor } from './lock-request';
import { denialSchema } from './schemas';

/**
 * Denies a request in whole or in part, with a reason code and a message. The requester's email
 * carries the notices their regime and the reason require (notice-rules.ts): an exemption names its
 * basis, a partial denial says what was done. One transaction: status, audit, email, jobs cancelled.
 */
export async function denyRequest(
  options: {
    staff: StaffIdentity;
    requestId: string;
    reason: DenialReason;
    partial: boolean;
    message: string;
    /** The exemption relied on; required where notice-rules.ts asks for a basis. */
    basis?: string | null;
    /** What was done; required for partial denials and California deletion exemptions. */
    fulfilled?: string | null;
  },
  tx?: Tx,
) {
  const staff = authorize(options.staff, 'requests.work');
  const { message, basis, fulfilled } = denialSchema.parse(options);
  const run = async (t: Tx) => {
    const { request, nextStatus } = await lockRequestFor(t, options.requestId, 'deny');
    const [rule] = requestRules(request);
    const jurisdiction = request.jurisdiction as Jurisdiction;
    const noticeCtx = {
      jurisdiction,
      reason: options.reason,
      partial: options.partial,
      types: request.types,
      ...noticeRuleContext(rule),
    };
    // The notice cannot say what the law requires without these: refuse before anything changes.
    const needs = requiredDenialInputs(noticeCtx);
    const fields: Record<string, string[]> = {};
    if (needs.basis && !basis) fields.basis = ['Name the exemption or legal provision the denial relies on'];
    if (needs.fulfilled && !fulfilled)
      fields.fulfilled = ['Say what was done (what was provided or deleted, and what is kept)'];
    if (Object.keys(fields).length)
      throw new AppError('INVALID_INPUT', 'The notice for this denial needs more information.', { fields });
    const now = new Date();
    const status = options.partial ? 'completed' : nextStatus;
    await t.privacyRequest.update({
      where: { id: request.id },
      data: {
        status,
        denialReason: options.reason,
        partial: options.partial,
        responseMessage: message,
        denialBasis: basis,
        denialFulfilled: fulfilled,
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
    await enqueueEmail(t, {
      template: 'request-decided',
      to: request.email,
      requestId: request.id,
      props: {
        brand: brand(),
        reference: formatReference(request.number, request.receivedAt),
        outcome: options.partial ? 'partially_denied' : 'denied',
        reasonLabel: denialReasonPhrase(options.reason),
        message,
        notices: denialNotices({
          ...noticeCtx,
          contactEmail: env().PRIVACY_CONTACT_EMAIL,
          privacyPolicyUrl: env().PRIVACY_POLICY_URL,
          basis,
          fulfilled,
        }),
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
