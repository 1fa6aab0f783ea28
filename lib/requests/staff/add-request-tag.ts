import { assignByRulesAfterCommit } from '../../assignment/assign-by-rules';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { db } from '../../db';
import { AppError } from '../../errors';
import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { lockRequestRow } from './lock-request-row';
import { requestTagSchema } from './schemas';

/** Tags on one request: enough for any routing, few enough to read at a glance. */
const MAX_TAGS = 20;

/**
 * Tags a request (audited; a tag it already has is no change). A tag can make an assignment rule
 * match: an unassigned request in the queue has the rules run again once the tag is committed
 * (docs/decisions/015, addendum).
 */
export async function addRequestTag(options: { staff: StaffIdentity; requestId: string; tag: unknown; now?: Date }) {
  const staff = authorize(options.staff, 'requests.work');
  const parsed = requestTagSchema.safeParse(options.tag);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'Give a tag';
    throw new AppError('INVALID_INPUT', `${message}.`, { fields: { tag: [message] } });
  }
  const tag = parsed.data;
  const added = await db().$transaction(async (tx) => {
    const request = await lockRequestRow(tx, options.requestId);
    const tags = await tx.requestTag.findMany({ where: { requestId: request.id }, select: { tag: true } });
    if (tags.some((t) => t.tag === tag)) return null;
    if (tags.length >= MAX_TAGS)
      throw new AppError('INVALID_INPUT', `A request has at most ${MAX_TAGS} tags.`, {
        fields: { tag: [`At most ${MAX_TAGS} tags`] },
      });
    await tx.requestTag.create({ data: { requestId: request.id, tag, addedById: staff.id } });
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'request.tag_added',
      actor: { type: 'staff', id: staff.id },
      data: { tag },
    });
    return request;
  });
  // assignByRules itself checks that the request is unassigned and in the queue.
  if (added && !added.assignee_id) await assignByRulesAfterCommit({ requestId: added.id, now: options.now });
  return { tag, added: added !== null };
}
