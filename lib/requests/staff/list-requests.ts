import { z } from 'zod';
import type { VerificationLevel } from '../../verification/levels';
import { verificationState } from '../../verification/verification-gate';
import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { type Countdown, countdown } from '../../clock/countdown';
import { requestTimeZone, staffTimeZone } from '../../clock/request-deadline';
import { db } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import { emailHashes } from '../../security/tokens';
import { JURISDICTIONS, OPEN_STATUSES, REQUEST_STATUSES, REQUEST_TYPES } from '../../universal/codes';
import { maskEmail, maskName } from '../mask';
import { formatReference, parseReference } from '../../universal/reference';

const DAY = 86_400_000;
export const PAGE_SIZE = 50;
const NO_REQUEST = '00000000-0000-0000-0000-000000000000';

export const queueFilterSchema = z.object({
  status: z.array(z.enum(REQUEST_STATUSES)).default(['verified', 'in_progress', 'awaiting_requester']),
  type: z.enum(REQUEST_TYPES).optional(),
  jurisdiction: z.enum(JURISDICTIONS).optional(),
  /** A staff id, 'me' or 'none'. */
  assignee: z.string().max(64).optional(),
  due: z.enum(['overdue', '7d', '30d']).optional(),
  q: z.string().trim().max(320).optional(),
  /** Requests from the same email address as this request ('none': an address with no requests). How an email search travels in a URL (findRequester). */
  requester: z.union([z.uuid(), z.literal('none')]).optional(),
  /** Keyset cursor: "<dueAt ms>_<id>" of the last row of the previous page. */
  after: z
    .string()
    .regex(/^\d+_[0-9a-f-]{36}$/)
    .optional(),
});

export type QueueFilter = z.input<typeof queueFilterSchema>;

export type QueueRow = {
  id: string;
  reference: string;
  status: string;
  types: string[];
  jurisdiction: string;
  receivedAt: Date;
  dueAt: Date;
  countdown: Countdown;
  /** The zone the due date is read in (staff's zone when configured, else the request's). */
  timeZone: string;
  assignee: { id: string; name: string | null; email: string } | null;
  email: string;
  name: string | null;
  /** Flagged at verification: the same email asked for the same type recently (staff decide). */
  possibleDuplicate: boolean;
  /** The identity level reached, and whether it is enough to start work (lib/verification/level-rules.ts). */
  verification: { reached: VerificationLevel; readyForWork: boolean };
  /** Staff tags, alphabetical. */
  tags: string[];
};

/** The search box: a reference (BR-2026-000123) or an exact email, matched through its keyed hash. */
function searchClause(q: string | undefined): Prisma.PrivacyRequestWhereInput {
  if (!q) return {};
  const reference = parseReference(q);
  if (reference) return { number: reference.number };
  // Under every key still known: rows the re-key job has not reached yet are found too.
  if (q.includes('@')) return { emailHash: { in: emailHashes(q) } };
  return { id: NO_REQUEST };
}

async function requesterClause(requester: string | undefined): Promise<Prisma.PrivacyRequestWhereInput[]> {
  if (!requester) return [];
  const one =
    requester === 'none'
      ? null
      : await db().privacyRequest.findUnique({ where: { id: requester }, select: { emailHash: true, email: true } });
  if (!one) return [{ id: NO_REQUEST }];
  // A purged request keeps no address to hash again: its own hash is all there is to match.
  return [{ emailHash: { in: one.email ? emailHashes(one.email) : [one.emailHash] } }];
}

function isOpenOnly(filter: { status: readonly string[] }) {
  return filter.status.every((s) => (OPEN_STATUSES as readonly string[]).includes(s));
}

export function queueWhere(
  filter: z.output<typeof queueFilterSchema>,
  staff: StaffIdentity,
  now: Date,
): Prisma.PrivacyRequestWhereInput {
  const assignee = filter.assignee === 'me' ? staff.id : filter.assignee === 'none' ? null : filter.assignee;
  const dueWindow =
    filter.due === 'overdue'
      ? { lt: now }
      : filter.due === '7d'
        ? { gte: now, lt: new Date(now.getTime() + 7 * DAY) }
        : filter.due === '30d'
          ? { gte: now, lt: new Date(now.getTime() + 30 * DAY) }
          : undefined;
  // closedAt is null exactly while a request is open, so an open-only view is "closedAt is null, minus
  // the open statuses not asked for". Said that way PostgreSQL estimates it well and reads the
  // (closed_at, due_at, id) index in order; `status IN (…)` on top makes it guess a hundredfold too few.
  const openOnly = isOpenOnly(filter);
  const notAsked = OPEN_STATUSES.filter((s) => !filter.status.includes(s));
  return {
    ...(openOnly
      ? { closedAt: null, ...(notAsked.length ? { status: { notIn: [...notAsked] } } : {}) }
      : { status: { in: filter.status } }),
    ...(filter.type ? { types: { has: filter.type } } : {}),
    ...(filter.jurisdiction ? { jurisdiction: filter.jurisdiction } : {}),
    ...(filter.assignee !== undefined ? { assigneeId: assignee } : {}),
    ...(dueWindow ? { dueAt: dueWindow } : {}),
    ...searchClause(filter.q),
  };
}

/**
 * The staff queue: due first, filtered, searched, in pages of 50 by keyset (stable and fast at any
 * depth). Requester emails and names come masked; revealing one is its own audited action.
 */
export async function listRequests(options: { staff: StaffIdentity; filter: QueueFilter; now?: Date }) {
  const staff = authorize(options.staff, 'requests.read');
  const filter = queueFilterSchema.parse(options.filter);
  const now = options.now ?? new Date();
  const [afterMs, afterId] = filter.after ? filter.after.split('_') : [];
  const where: Prisma.PrivacyRequestWhereInput = {
    AND: [
      queueWhere(filter, staff, now),
      ...(await requesterClause(filter.requester)),
      // The leading `dueAt >= cursor` gives PostgreSQL an index range to start from; the OR breaks ties.
      ...(filter.after
        ? [
            { dueAt: { gte: new Date(Number(afterMs)) } },
            { OR: [{ dueAt: { gt: new Date(Number(afterMs)) } }, { id: { gt: afterId } }] },
          ]
        : []),
    ],
  };
  const rows = await db().privacyRequest.findMany({
    where,
    // Open-only views read the partial indexes on open requests (…_open_due_idx, and per regime and
    // per assignee, migration 20261202163000) already in this order: no sort, however many are open.
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    take: PAGE_SIZE + 1,
    select: {
      id: true,
      number: true,
      status: true,
      types: true,
      jurisdiction: true,
      receivedAt: true,
      dueAt: true,
      email: true,
      name: true,
      possibleDuplicateOfId: true,
      verificationLevel: true,
      verificationRequired: true,
      assignee: { select: { id: true, name: true, email: true } },
      // A second query for the page's rows only, by request_tag's primary key: the queue's plan stays.
      tags: { select: { tag: true }, orderBy: { tag: 'asc' } },
    },
  });
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return {
    rows: page.map(
      (r): QueueRow => ({
        id: r.id,
        reference: formatReference(r.number, r.receivedAt),
        status: r.status,
        types: r.types,
        jurisdiction: r.jurisdiction,
        receivedAt: r.receivedAt,
        dueAt: r.dueAt,
        countdown: countdown(r.status, r.dueAt, now, requestTimeZone(r)),
        timeZone: staffTimeZone(r),
        assignee: r.assignee,
        email: maskEmail(r.email),
        name: maskName(r.name),
        possibleDuplicate: r.possibleDuplicateOfId !== null,
        verification: (({ reached, readyForWork }) => ({ reached, readyForWork }))(verificationState(r)),
        tags: r.tags.map((t) => t.tag),
      }),
    ),
    nextCursor: rows.length > PAGE_SIZE && last ? `${last.dueAt.getTime()}_${last.id}` : null,
  };
}
