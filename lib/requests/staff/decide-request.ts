import { recordAuditEvent } from '../../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../../auth/current-staff';
import { cancelDeadlineJobs } from '../../clock/schedule-deadline-jobs';
import { requestRules } from '../../clock/request-deadline';
import { db, type Tx } from '../../db';
import { brand, enqueueEmail } from '../../email/enqueue-email';
import { env } from '../../env';
import { assertTasksFinished } from '../../fulfilment/create-tasks';
import { fulfilmentSummary } from '../../fulfilment/fulfilment-summary';
import { queueDataPackage } from '../../fulfilment/package/download-package';
import type { Jurisdiction } from '../codes';
import { DENIAL_REASONS, denialNotices, type DenialReason } from '../denial-notices';
import { publicLinks } from '../public-links';
import { formatReference } from '../reference';
import { lockRequestFor } from './lock-request';
import { completionSchema, denialSchema } from './schemas';

/**
 * Denies a request in whole or in part, with a reason code and a message. The requester's email
 * carries the notices their regime requires (complaint and court for EU/UK, appeal for US-VA/US-CO,
 * the Commissioner for Canada). One transaction: status, audit, email, jobs cancelled.
 */
export async function denyRequest(options: { staff: StaffIdentity; requestId: string; reason: DenialReason; partial: boolean; message: string }, tx?: Tx) {
  const staff = authorize(options.staff, 'requests.work');
  const { message } = denialSchema.parse(options);
  const run = async (t: Tx) => {
    const { request, nextStatus } = await lockRequestFor(t, options.requestId, 'deny');
    const now = new Date();
    const status = options.partial ? 'completed' : nextStatus;
    await t.privacyRequest.update({
      where: { id: request.id },
      data: { status, denialReason: options.reason, partial: options.partial, responseMessage: message, decidedAt: now, decidedById: staff.id, closedAt: now },
    });
    await t.clockPause.updateMany({ where: { requestId: request.id, endedAt: null }, data: { endedAt: now } });
    await cancelDeadlineJobs(t, request.id);
    await recordAuditEvent(t, {
      requestId: request.id,
      action: options.partial ? 'request.partially_denied' : 'request.denied',
      actor: { type: 'staff', id: staff.id },
      summary: options.partial ? 'We answered your request in part; see our email for the reasons' : 'We could not fulfil your request; see our email for the reasons',
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
        notices: denialNotices(request.jurisdiction as Jurisdiction, env().PRIVACY_CONTACT_EMAIL, rule.appealDays),
        statusUrl: publicLinks.statusOf(request),
      },
    });
  };
  return tx ? run(tx) : db().$transaction(run);
}

/** Completes a request with the response message the requester receives. */
export async function completeRequest(options: { staff: StaffIdentity; requestId: string; message: string }) {
  const staff = authorize(options.staff, 'requests.work');
  const { message } = completionSchema.parse(options);
  await db().$transaction(async (tx) => {
    const { request, nextStatus } = await lockRequestFor(tx, options.requestId, 'complete');
    await assertTasksFinished(tx, request.id);
    const systems = await fulfilmentSummary(tx, request.id);
    const now = new Date();
    await tx.privacyRequest.update({ where: { id: request.id }, data: { status: nextStatus, responseMessage: message, decidedAt: now, decidedById: staff.id, closedAt: now, partial: false, denialReason: null } });
    await cancelDeadlineJobs(tx, request.id);
    const withPackage = await queueDataPackage(tx, request);
    await recordAuditEvent(tx, { requestId: request.id, action: 'request.completed', actor: { type: 'staff', id: staff.id }, summary: 'We completed your request; see our email', data: { systems } });
    await enqueueEmail(tx, {
      template: 'request-decided',
      to: request.email,
      requestId: request.id,
      props: { brand: brand(), reference: formatReference(request.number, request.receivedAt), outcome: 'completed', reasonLabel: null, message, notices: [], statusUrl: publicLinks.statusOf(request), systems, ...(withPackage ? { downloadDays: env().DOWNLOAD_TTL_DAYS } : {}) },
    });
  });
}
