import type { StaffIdentity } from '../permissions/authorize';
import { can } from '../permissions/staff-permissions';
import { getRequestDetail } from '../requests/staff/get-request-detail';
import { revealRequester } from '../requests/staff/reveal-requester';
import { listTasks } from '../fulfilment/list-tasks';

/**
 * One request as the staff API shows it: the workspace's request page (`getRequestDetail`, with its
 * masking and its free text hidden from viewers) and its tasks (`listTasks`), cut to what a ticketing
 * or chat integration needs. With `reveal`, the requester's email and name come unmasked through
 * `revealRequester`, which checks `requests.reveal` and audits the reveal as the workspace's button does.
 */
export async function readRequestForApi(options: { staff: StaffIdentity; requestId: string; reveal: boolean }) {
  const { staff, requestId } = options;
  const detail = await getRequestDetail({ staff, requestId });
  const tasks = await listTasks({ staff, requestId });
  const seesFreeText = can(staff.role, 'requests.work');
  const revealed = options.reveal ? await revealRequester({ staff, requestId }) : null;
  return {
    id: detail.id,
    reference: detail.reference,
    status: detail.status,
    types: detail.types,
    jurisdiction: detail.jurisdiction,
    channel: detail.channel,
    locale: detail.locale,
    receivedAt: detail.receivedAt.toISOString(),
    dueAt: detail.dueAt.toISOString(),
    assignee: detail.assignee,
    requester: revealed
      ? { email: revealed.email, name: revealed.name, masked: false }
      : { email: detail.submitted.email, name: detail.submitted.name, masked: true },
    details: detail.submitted.details,
    notes: detail.notes.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() })),
    tasks: tasks.map((t) => ({
      id: t.id,
      type: t.type,
      status: t.status,
      automated: t.automated,
      target: t.system?.name ?? t.recipient?.name ?? null,
      assigneeId: t.assignee?.id ?? null,
      checklist: t.checklist,
      // Free text, hidden from viewers as the request's own free text is.
      result: seesFreeText ? t.result : t.result ? '[hidden for your role]' : null,
    })),
    actions: detail.actions,
  };
}
