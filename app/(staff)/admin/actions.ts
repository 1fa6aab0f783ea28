'use server';

/**
 * Every server action of the staff workspace. Each is a `staffAction`: session, permission, zod
 * input, one domain function. The domain functions check the permission again themselves.
 */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { staffAction } from '@/lib/auth/staff-action';
import { addNote } from '@/lib/requests/staff/add-note';
import { addRequestTag } from '@/lib/requests/staff/add-request-tag';
import { removeRequestTag } from '@/lib/requests/staff/remove-request-tag';
import { askRequester } from '@/lib/requests/staff/ask-requester';
import { assignRequest } from '@/lib/requests/staff/assign-request';
import { bulkAssign, bulkDeny } from '@/lib/requests/staff/bulk-actions';
import { completeRequest } from '@/lib/requests/staff/complete-request';
import { denyRequest } from '@/lib/requests/staff/deny-request';
import { extendRequestDeadline } from '@/lib/requests/staff/extend-request-deadline';
import { reopenRequest } from '@/lib/requests/staff/reopen-request';
import { bulkDenialSchema, completionSchema, denialSchema } from '@/lib/requests/staff/schemas';
import { revealRequester } from '@/lib/requests/staff/reveal-requester';
import { startRequest } from '@/lib/requests/staff/start-request';
import { decideAppeal } from '@/lib/appeals/decide-appeal';
import { extendAppeal } from '@/lib/appeals/extend-appeal';
import { liftLegalHold } from '@/lib/retention/lift-legal-hold';
import { placeLegalHold } from '@/lib/retention/place-legal-hold';
import { changeStaffRole } from '@/lib/staff/change-staff-role';
import { deactivateStaff } from '@/lib/staff/deactivate-staff';
import { inviteStaff } from '@/lib/staff/invite-staff';
import { removeSsoLink } from '@/lib/staff/remove-sso-link';
import { inviteSchema } from '@/lib/staff/schemas';
import { REQUEST_TYPES } from '@/lib/universal/codes';

const requestId = z.uuid('Unknown request');
const optionalId = z.preprocess((v) => (v === '' || v === 'none' ? null : v), z.string().min(1).nullable());
const ids = z.preprocess(
  (v) => (Array.isArray(v) ? v : v ? [v] : []),
  z.array(z.uuid()).min(1, 'Select at least one request'),
);
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

function refresh(id?: string) {
  revalidatePath('/admin');
  if (id) revalidatePath(`/admin/requests/${id}`);
}

export const assignAction = staffAction(
  'requests.work',
  z.object({ requestId, assigneeId: optionalId }),
  async ({ staff, input }) => {
    await assignRequest({ staff, requestId: input.requestId, assigneeId: input.assigneeId });
    refresh(input.requestId);
  },
  () => 'Assignment saved.',
);

export const startAction = staffAction(
  'requests.work',
  z.object({ requestId }),
  async ({ staff, input }) => {
    const started = await startRequest({ staff, requestId: input.requestId });
    refresh(input.requestId);
    return started;
  },
  (started) =>
    started.unprovenAccountEmail
      ? 'Work started. The account email the requester named is not proven: tasks look for data only under the proven address until the requester proves it.'
      : 'Work started.',
);

export const askRequesterAction = staffAction(
  'requests.work',
  z.object({
    requestId,
    reason: z.enum(['awaiting_identity', 'awaiting_clarification']),
    message: z.string().max(5000),
  }),
  async ({ staff, input }) => {
    const result = await askRequester({ staff, ...input });
    refresh(input.requestId);
    return result;
  },
  (r) =>
    r.clockPaused
      ? 'Message sent; the clock is paused until the requester answers.'
      : `Message sent; the clock keeps running. ${r.pauseRefusal}`,
);

export const extendAction = staffAction(
  'requests.work',
  z.object({ requestId, reason: z.string().max(2000) }),
  async ({ staff, input }) => {
    const deadline = await extendRequestDeadline({ staff, ...input });
    refresh(input.requestId);
    return { dueAt: deadline.dueAt.toISOString() };
  },
  () => 'Deadline extended; the requester has been told why.',
);

export const denyAction = staffAction(
  'requests.work',
  denialSchema.extend({ requestId, partial: checkbox }),
  async ({ staff, input }) => {
    await denyRequest({ staff, ...input });
    refresh(input.requestId);
  },
  () => 'Decision sent to the requester.',
);

export const completeAction = staffAction(
  'requests.work',
  completionSchema.extend({
    requestId,
    // Present when the form offered a choice of parts: then none ticked is an error, not "all".
    typesChosen: z.literal('1').optional(),
    types: z.preprocess(
      (v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]),
      z.array(z.enum(REQUEST_TYPES)).optional(),
    ),
  }),
  async ({ staff, input }) => {
    const { typesChosen, types, ...rest } = input;
    const result = await completeRequest({ staff, ...rest, types: typesChosen ? (types ?? []) : types });
    refresh(input.requestId);
    return result;
  },
  (r) =>
    r.completed
      ? 'Request completed; the requester has been told.'
      : 'Those parts are completed and the requester has been told; the rest of the request stays open.',
);

export const reopenAction = staffAction(
  'requests.admin',
  z.object({ requestId, reason: z.string().max(2000) }),
  async ({ staff, input }) => {
    await reopenRequest({ staff, ...input });
    refresh(input.requestId);
  },
  () => 'Request reopened.',
);

export const addNoteAction = staffAction(
  'requests.work',
  z.object({ requestId, body: z.string().max(5000) }),
  async ({ staff, input }) => {
    await addNote({ staff, ...input });
    refresh(input.requestId);
  },
  () => 'Note added.',
);

export const addTagAction = staffAction(
  'requests.work',
  // The tag's format is checked by addRequestTag, which names the rule in its message.
  z.object({ requestId, tag: z.string().max(200) }),
  async ({ staff, input }) => {
    const { tag } = await addRequestTag({ staff, ...input });
    refresh(input.requestId);
    return tag;
  },
  (tag) => `Tag ${tag} added.`,
);

export const removeTagAction = staffAction(
  'requests.work',
  z.object({ requestId, tag: z.string().min(1).max(40) }),
  async ({ staff, input }) => {
    await removeRequestTag({ staff, ...input });
    refresh(input.requestId);
    return input.tag;
  },
  (tag) => `Tag ${tag} removed.`,
);

export const revealAction = staffAction('requests.reveal', z.object({ requestId }), async ({ staff, input }) =>
  revealRequester({ staff, requestId: input.requestId }),
);

export const bulkAssignAction = staffAction(
  'requests.work',
  z.object({ requestIds: ids, assigneeId: optionalId }),
  async ({ staff, input }) => {
    const count = await bulkAssign({ staff, ...input });
    refresh();
    return count;
  },
  (n) => `${n} request${n === 1 ? '' : 's'} assigned.`,
);

export const bulkDenyAction = staffAction(
  'requests.admin',
  bulkDenialSchema.extend({ requestIds: ids }),
  async ({ staff, input }) => {
    const count = await bulkDeny({ staff, ...input });
    refresh();
    return count;
  },
  (n) => `${n} request${n === 1 ? '' : 's'} denied.`,
);

export const inviteStaffAction = staffAction(
  'staff.manage',
  inviteSchema,
  async ({ staff, input }) => {
    const user = await inviteStaff({ staff, input });
    revalidatePath('/admin/staff');
    return { id: user.id };
  },
  () => 'Invitation sent.',
);

export const deactivateStaffAction = staffAction(
  'staff.manage',
  z.object({ userId: z.string().min(1) }),
  async ({ staff, input }) => {
    await deactivateStaff({ staff, userId: input.userId });
    revalidatePath('/admin/staff');
  },
  () => 'Access removed; their sessions have ended.',
);

export const removeSsoLinkAction = staffAction(
  'staff.manage',
  z.object({ linkId: z.string().min(1) }),
  async ({ staff, input }) => {
    await removeSsoLink({ staff, linkId: input.linkId });
    revalidatePath('/admin/staff');
  },
  () => 'Single sign-on link removed; their next single sign-on links again by verified email.',
);

export const changeRoleAction = staffAction(
  'staff.manage',
  z.object({ userId: z.string().min(1), role: z.enum(['admin', 'reviewer', 'viewer']) }),
  async ({ staff, input }) => {
    await changeStaffRole({ staff, ...input });
    revalidatePath('/admin/staff');
  },
  () => 'Role changed.',
);

export const placeLegalHoldAction = staffAction(
  'records.hold',
  z.object({ requestId, reason: z.string().max(1000) }),
  async ({ staff, input }) => {
    await placeLegalHold({ staff, ...input });
    refresh(input.requestId);
  },
  () => 'Legal hold placed: this request will not be purged until the hold is lifted.',
);

export const liftLegalHoldAction = staffAction(
  'records.hold',
  z.object({ requestId }),
  async ({ staff, input }) => {
    await liftLegalHold({ staff, requestId: input.requestId });
    refresh(input.requestId);
  },
  () => 'Legal hold lifted.',
);

export const decideAppealAction = staffAction(
  'appeals.decide',
  z.object({
    requestId,
    appealId: z.uuid('Unknown appeal'),
    outcome: z.enum(['granted', 'rejected'], 'Choose the outcome'),
    message: z.string().max(10_000),
  }),
  async ({ staff, input }) => {
    await decideAppeal({ staff, appealId: input.appealId, outcome: input.outcome, message: input.message });
    refresh(input.requestId);
    revalidatePath('/admin/appeals');
  },
  () => 'Appeal decided; the requester has been told.',
);

export const extendAppealAction = staffAction(
  'appeals.extend',
  z.object({ requestId, appealId: z.uuid('Unknown appeal'), reason: z.string().max(2000) }),
  async ({ staff, input }) => {
    await extendAppeal({ staff, appealId: input.appealId, reason: input.reason });
    refresh(input.requestId);
    revalidatePath('/admin/appeals');
  },
  () => 'Appeal extended; the requester has been told the new date and the reasons.',
);
