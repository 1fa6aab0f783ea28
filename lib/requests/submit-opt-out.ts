import { assignByRulesAfterCommit } from '../assignment/assign-by-rules';
import { isLocale } from '../universal/i18n/locales';
import { recordAuditEvent } from '../audit/record-audit-event';
import { scheduleDeadlineJobs } from '../clock/schedule-deadline-jobs';
import { db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { brand, prepareOutboxEmail } from '../email/enqueue-email';
import { env } from '../env';
import { publicLinks } from '../email/public-links';
import { addJob } from '../queue/add-job';
import { createFulfilmentTasks } from '../fulfilment/create-tasks';
import { newStatusNonce, statusToken } from '../security/status-token';
import type { RequestType } from '../universal/codes';
import { formatReference } from '../universal/reference';
import { OPT_OUTS } from '../verification/opt-outs';
import { actedAtReceiptNoun } from '../universal/opt-out-wording';

type OptOutRow = Prisma.PrivacyRequestUncheckedCreateInput & {
  id: string;
  number: number;
  receivedAt: Date;
  types: RequestType[];
  details: string | null;
  email: string;
};

/**
 * A request of opt-outs only, acted on at receipt (lib/verification/opt-outs.ts: the law forbids
 * asking for verification). In one transaction: the request, `in_progress` from the start, with its
 * status link (the nonce) and no verification link, no expiry job and no place among its address's
 * unconfirmed requests; its fulfilment tasks, created by the system; the staff reminders of its
 * deadline; and the confirmation email with the status-page link, which is also the acknowledgement.
 * The rate limits were taken by the caller, as for every submission.
 */
export async function submitOptOut(options: {
  row: OptOutRow;
  channel: 'web' | 'api' | 'drp';
  dueAt: Date;
  timeZone: string;
  ip?: string | null;
  userAgent?: string | null;
  byAgent: boolean;
  jurisdiction: string;
  now: Date;
  /** An opt-out preference signal this request records (lib/opt-outs/record-gpc-opt-out.ts). */
  signal?: Omit<Prisma.OptOutSignalUncheckedCreateInput, 'requestId'>;
}) {
  const { row, now } = options;
  const statusNonce = newStatusNonce();
  const reference = formatReference(row.number, row.receivedAt);
  // Rendered before the transaction, which then only writes.
  const email = await prepareOutboxEmail({
    template: 'opt-out-received',
    to: row.email,
    requestId: row.id,
    // Rendered before the row exists: the request's language is given here.
    locale: isLocale(row.locale) ? row.locale : undefined,
    props: {
      brand: brand(),
      reference,
      types: row.types,
      sellsOrShares: env().SELLS_OR_SHARES_PERSONAL_INFORMATION,
      receivedAt: row.receivedAt,
      dueAt: options.dueAt,
      timeZone: options.timeZone,
      statusUrl: publicLinks.status(row.id, statusToken({ id: row.id, statusNonce })),
    },
  });
  await db().$transaction(async (tx) => {
    await tx.privacyRequest.create({
      data: {
        ...row,
        status: 'in_progress',
        statusNonce,
        acknowledgedAt: now,
      },
    });
    await recordAuditEvent(tx, {
      requestId: row.id,
      action: 'request.submitted',
      actor: { type: 'requester', ip: options.ip, userAgent: options.userAgent },
      summary: `Received (${actedAtReceiptNoun(row.types)}); it needs no confirmation, so we are acting on it now`,
      data: {
        channel: options.channel,
        types: row.types,
        jurisdiction: options.jurisdiction,
        byAgent: options.byAgent,
        verification: 'not-required',
        ...(options.signal && { signal: options.signal.signal, signalSource: options.signal.source }),
        sources: OPT_OUTS.filter((o) => row.types.includes(o.type)).flatMap((o) => o.sources),
        // Recorded with the request: whether there was any sale or sharing to stop when it arrived.
        ...(row.types.includes('opt_out_sale') && { sellsOrShares: env().SELLS_OR_SHARES_PERSONAL_INFORMATION }),
      },
    });
    if (options.signal)
      await tx.optOutSignal.create({ data: { ...options.signal, requestId: row.id }, select: { id: true } });
    await createFulfilmentTasks(tx, row, { type: 'system' });
    await scheduleDeadlineJobs(tx, { id: row.id, dueAt: options.dueAt }, now);
    await tx.outboxEmail.create({ data: email.row, select: { id: true } });
    await addJob(tx, email.deliveryJob.name, email.deliveryJob.payload);
  });
  // In the queue from the start: the assignment rules choose its assignee now.
  await assignByRulesAfterCommit({ requestId: row.id, now });
  return { reference };
}
