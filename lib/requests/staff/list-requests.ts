import { z } from 'zod';
import type { VerificationLevel } from '../../verification/levels';
import { verificationState } from '../../verification/verification-gate';
import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { type Countdown, countdown } from '../../clock/countdown';
import { requestTimeZone, staffTimeZone } from '../../clock/request-deadline';
import { db } from '../../db';
import { Prisma } from '../../generated/prisma/client';
import { emailHashes } from '../../security/tokens';
import {
  JURISDICTIONS,
  OPEN_STATUSES,
  REQUEST_STATUSES,
  REQUEST_TAG_MAX_LENGTH,
  REQUEST_TAG_PATTERN,
  REQUEST_TYPES,
  type RequestType,
} from '../../universal/codes';
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
  /** Requests with this staff tag. */
  tag: z.string().max(REQUEST_TAG_MAX_LENGTH).regex(REQUEST_TAG_PATTERN).optional(),
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
function searchClause(q: string | undefined): Prisma.Sql[] {
  if (!q) return [];
  const reference = parseReference(q);
  if (reference) return [Prisma.sql`r.number = ${reference.number}`];
  // Under every key still known: rows the re-key job has not reached yet are found too.
  if (q.includes('@')) return [Prisma.sql`r.email_hash IN (${Prisma.join(emailHashes(q))})`];
  return [Prisma.sql`r.id = ${NO_REQUEST}::uuid`];
}

async function requesterClause(requester: string | undefined): Promise<Prisma.Sql[]> {
  if (!requester) return [];
  const one =
    requester === 'none'
      ? null
      : await db().privacyRequest.findUnique({ where: { id: requester }, select: { emailHash: true, email: true } });
  if (!one) return [Prisma.sql`r.id = ${NO_REQUEST}::uuid`];
  // A purged request keeps no address to hash again: its own hash is all there is to match.
  return [Prisma.sql`r.email_hash IN (${Prisma.join(one.email ? emailHashes(one.email) : [one.emailHash])})`];
}

const statuses = (list: readonly string[]) => Prisma.join(list.map((s) => Prisma.sql`${s}::"RequestStatus"`));

function isOpenOnly(filter: { status: readonly string[] }) {
  return filter.status.every((s) => (OPEN_STATUSES as readonly string[]).includes(s));
}

/** The queue's filter as conditions on `r` (privacy_request), all of which a row must meet. */
export function queueWhere(filter: z.output<typeof queueFilterSchema>, staff: StaffIdentity, now: Date): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  // closedAt is null exactly while a request is open, so an open-only view is "closedAt is null, minus
  // the open statuses not asked for". Said that way PostgreSQL estimates it well and reads the
  // (closed_at, due_at, id) index in order; `status IN (…)` on top makes it guess a hundredfold too few.
  if (isOpenOnly(filter)) {
    const notAsked = OPEN_STATUSES.filter((s) => !filter.status.includes(s));
    where.push(Prisma.sql`r.closed_at IS NULL`);
    if (notAsked.length) where.push(Prisma.sql`r.status NOT IN (${statuses(notAsked)})`);
  } else {
    where.push(Prisma.sql`r.status IN (${statuses(filter.status)})`);
  }
  if (filter.type) where.push(Prisma.sql`r.types @> ARRAY[${filter.type}::"RequestType"]`);
  if (filter.jurisdiction) where.push(Prisma.sql`r.jurisdiction = ${filter.jurisdiction}`);
  if (filter.assignee !== undefined) {
    const assignee = filter.assignee === 'me' ? staff.id : filter.assignee === 'none' ? null : filter.assignee;
    where.push(assignee === null ? Prisma.sql`r.assignee_id IS NULL` : Prisma.sql`r.assignee_id = ${assignee}`);
  }
  if (filter.due === 'overdue') where.push(Prisma.sql`r.due_at < ${now}`);
  else if (filter.due) {
    const days = filter.due === '7d' ? 7 : 30;
    where.push(Prisma.sql`r.due_at >= ${now}`, Prisma.sql`r.due_at < ${new Date(now.getTime() + days * DAY)}`);
  }
  // By request_tag's primary key (request_id, tag): one index probe per candidate row.
  if (filter.tag)
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM request_tag t WHERE t.request_id = r.id AND t.tag = ${filter.tag})`);
  where.push(...searchClause(filter.q));
  return where;
}

type PageRow = {
  id: string;
  number: number;
  status: string;
  types: RequestType[];
  jurisdiction: string;
  received_at: Date;
  due_at: Date;
  email: string;
  name: string | null;
  possible_duplicate: boolean;
  verification_level: VerificationLevel;
  verification_required: VerificationLevel | null;
  assignee_id: string | null;
  assignee_name: string | null;
  assignee_email: string | null;
  tags: string[];
};

/**
 * The staff queue: due first, filtered, searched, in pages of 50 by keyset (stable and fast at any
 * depth). Requester emails and names come masked; revealing one is its own audited action.
 */
export async function listRequests(options: { staff: StaffIdentity; filter: QueueFilter; now?: Date }) {
  const staff = authorize(options.staff, 'requests.read');
  const filter = queueFilterSchema.parse(options.filter);
  const now = options.now ?? new Date();
  const where = [...queueWhere(filter, staff, now), ...(await requesterClause(filter.requester))];
  if (filter.after) {
    const [afterMs, afterId] = filter.after.split('_');
    const afterDue = new Date(Number(afterMs));
    // The leading `due_at >= cursor` gives PostgreSQL an index range to start from; the OR breaks ties.
    where.push(Prisma.sql`r.due_at >= ${afterDue}`, Prisma.sql`(r.due_at > ${afterDue} OR r.id > ${afterId}::uuid)`);
  }
  // One statement, where the ORM's findMany would take three round trips (requests, assignees, tags)
  // and compile its query on every call: this is the page staff load most. Open-only views read the
  // partial indexes on open requests (…_open_due_idx, and per regime and per assignee, migration
  // 20261202163000) already in this order: no sort, however many are open. The tags come by
  // request_tag's primary key for the page's rows only.
  const rows = await db().$queryRaw<PageRow[]>`
    SELECT r.id, r.number, r.status::text AS status, r.types::text[] AS types, r.jurisdiction, r.received_at,
      r.due_at, r.email, r.name, r.possible_duplicate_of_id IS NOT NULL AS possible_duplicate,
      r.verification_level::text AS verification_level, r.verification_required::text AS verification_required,
      a.id AS assignee_id, a.name AS assignee_name, a.email AS assignee_email,
      ARRAY(SELECT t.tag FROM request_tag t WHERE t.request_id = r.id ORDER BY t.tag)::text[] AS tags
    FROM privacy_request r LEFT JOIN staff_user a ON a.id = r.assignee_id
    WHERE ${Prisma.join(where, ' AND ')}
    ORDER BY r.due_at, r.id
    LIMIT ${PAGE_SIZE + 1}`;
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return {
    rows: page.map((r): QueueRow => {
      const request = { jurisdiction: r.jurisdiction, types: r.types };
      return {
        id: r.id,
        reference: formatReference(r.number, r.received_at),
        status: r.status,
        types: r.types,
        jurisdiction: r.jurisdiction,
        receivedAt: r.received_at,
        dueAt: r.due_at,
        countdown: countdown(r.status, r.due_at, now, requestTimeZone(request)),
        timeZone: staffTimeZone(request),
        assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name, email: r.assignee_email! } : null,
        email: maskEmail(r.email),
        name: maskName(r.name),
        possibleDuplicate: r.possible_duplicate,
        verification: (({ reached, readyForWork }) => ({ reached, readyForWork }))(
          verificationState({
            ...request,
            verificationLevel: r.verification_level,
            verificationRequired: r.verification_required,
          }),
        ),
        tags: r.tags,
      };
    }),
    nextCursor: rows.length > PAGE_SIZE && last ? `${last.due_at.getTime()}_${last.id}` : null,
  };
}
