import { recordAuditEvent } from '../../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { openTypes, requestDeadline, requestTimeZone } from '../../clock/request-deadline';
import { cancelDeadlineJobs, scheduleDeadlineJobs } from '../../clock/schedule-deadline-jobs';
import { db } from '../../db';
import { brand, enqueueEmail } from '../../email/enqueue-email';
import { env } from '../../env';
import { AppError } from '../../errors';
import { assertTasksFinished } from '../../fulfilment/create-tasks';
import { fulfilmentSummary } from '../../fulfilment/fulfilment-summary';
import { queueDataPackage } from '../../fulfilment/package/download-package';
import { TASK_FOR_REQUEST } from '../../fulfilment/task-types';
import { publicLinks } from '../../email/public-links';
import { REQUEST_TYPE_LABELS, type RequestType } from '../../universal/codes';
import { formatReference } from '../../universal/reference';
import { categoriesWithheld, heldBackNotices } from '../../verification/verification-gate';
import { lockRequestFor } from './lock-request';
import { completionSchema } from './schemas';

/**
 * Completes a request, or some of its types, with the response message the requester receives.
 * Each type keeps its own clock (lib/clock/request-deadline.ts): staff may answer the opt-out at once
 * and access later. Completing some types leaves the request in progress, due at the nearest clock
 * of the types still open, and tells the requester what was done; completing the last open types
 * (or all, when `types` is omitted) completes the request.
 */
export async function completeRequest(options: {
  staff: StaffIdentity;
  requestId: string;
  message: string;
  /** The types done now; omitted: every type still open. */
  types?: RequestType[];
  now?: Date;
}) {
  const staff = authorize(options.staff, 'requests.work');
  const { message } = completionSchema.parse(options);
  return db().$transaction(async (tx) => {
    const { request, nextStatus } = await lockRequestFor(tx, options.requestId, 'complete');
    const open = openTypes(request);
    const completing = options.types ? [...new Set(options.types)] : open;
    const notOpen = completing.filter((t) => !open.includes(t));
    if (completing.length === 0 || notOpen.length > 0)
      throw new AppError('INVALID_INPUT', `Choose among the parts still open: ${open.join(', ')}.`, {
        fields: { types: ['Choose among the parts still open'] },
      });
    const remaining = open.filter((t) => !completing.includes(t));
    const taskTypes = [...new Set(completing.map((t) => TASK_FOR_REQUEST[t]))];
    await assertTasksFinished(tx, request.id, remaining.length > 0 ? taskTypes : undefined);
    const zone = requestTimeZone(request);
    const systems = await fulfilmentSummary(tx, request.id, zone, remaining.length > 0 ? taskTypes : undefined);
    const now = options.now ?? new Date();
    const completedTypes = [...(request.completedTypes ?? []), ...completing];
    const actor = { type: 'staff' as const, id: staff.id };
    const withPackage = await queueDataPackage(tx, { id: request.id, types: completing });
    // Below the level for release, the package is built and kept, and the requester told why (§7024(a)).
    const heldBack = withPackage ? heldBackNotices(request) : [];
    // Below the level for categories (§7062(b)), not even which systems held data is told (§7024(b)).
    const told = withPackage && categoriesWithheld(request) ? [] : systems;
    const common = {
      brand: brand(),
      reference: formatReference(request.number, request.receivedAt),
      reasonLabel: null,
      message,
      notices: heldBack,
      statusUrl: publicLinks.statusOf(request),
      systems: told,
      ...(withPackage && heldBack.length === 0 ? { downloadDays: env().DOWNLOAD_TTL_DAYS } : {}),
    };

    if (remaining.length > 0) {
      const deadline = requestDeadline({ ...request, completedTypes }, now);
      await tx.privacyRequest.update({ where: { id: request.id }, data: { completedTypes, dueAt: deadline.dueAt } });
      // While the clock is paused its jobs stay cancelled; resuming schedules them on the new date.
      if (!request.pauses.some((p) => !p.endedAt))
        await scheduleDeadlineJobs(tx, { id: request.id, dueAt: deadline.dueAt }, now);
      await recordAuditEvent(tx, {
        requestId: request.id,
        action: 'request.types_completed',
        actor,
        summary: `We completed part of your request: ${completing.map((t) => REQUEST_TYPE_LABELS[t]).join('; ')}`,
        data: {
          types: completing,
          remaining,
          systems,
          previousDueAt: request.dueAt.toISOString(),
          dueAt: deadline.dueAt.toISOString(),
        },
      });
      await enqueueEmail(tx, {
        template: 'request-decided',
        to: request.email,
        requestId: request.id,
        props: {
          ...common,
          outcome: 'part_completed',
          completedParts: completing,
          openParts: remaining,
          openDue: { at: deadline.dueAt, timeZone: zone },
        },
      });
      return { completed: false as const, remaining, dueAt: deadline.dueAt };
    }

    await tx.privacyRequest.update({
      where: { id: request.id },
      data: {
        status: nextStatus,
        completedTypes,
        responseMessage: message,
        decidedAt: now,
        decidedById: staff.id,
        closedAt: now,
        partial: false,
        denialReason: null,
      },
    });
    await cancelDeadlineJobs(tx, request.id);
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'request.completed',
      actor,
      summary: 'We completed your request; see our email',
      data: { systems, types: completing },
    });
    await enqueueEmail(tx, {
      template: 'request-decided',
      to: request.email,
      requestId: request.id,
      props: {
        ...common,
        outcome: 'completed',
        ...(completing.length < request.types.length ? { completedParts: completing } : {}),
      },
    });
    return { completed: true as const, remaining, dueAt: null };
  });
}
