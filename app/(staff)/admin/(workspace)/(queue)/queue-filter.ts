/**
 * The queue's filters as they travel in the URL (the filter form posts to /api/admin/queue-search,
 * which redirects here: it works without JavaScript and the result can be bookmarked). Anything
 * unknown is dropped rather than failing the page, but for a tag typed in the form: one not of a
 * tag's format stays in the URL so the form can show it with its error (`tagError`). An email
 * address never travels in the URL: a `q` holding one is ignored, and an email search arrives as
 * `requester`, a request's id.
 */
import { JURISDICTIONS, REQUEST_STATUSES, REQUEST_TYPES } from '@/lib/universal/codes';
import { queueFilterSchema, type QueueFilter } from '@/lib/requests/staff/list-requests';
import { requestTagSchema } from '@/lib/requests/staff/schemas';

export type QueueSearchParams = Record<string, string | string[] | undefined>;

export const DEFAULT_STATUSES = queueFilterSchema.parse({}).status;

const all = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const one = (value: string | string[] | undefined) => all(value)[0]?.trim() || undefined;
const oneOf = <T extends string>(allowed: readonly T[], value: string | undefined) =>
  (allowed as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

/** A tag as typed: trimmed and lowercased, as tags are stored ("VIP" finds vip). */
const typedTag = (params: QueueSearchParams) => one(params.tag)?.slice(0, 200).toLowerCase();

/** A tag asked for that no request can carry: what was typed, and why it is refused. */
export function tagError(params: QueueSearchParams): { typed: string; message: string } | undefined {
  const typed = typedTag(params);
  if (!typed) return undefined;
  const parsed = requestTagSchema.safeParse(typed);
  return parsed.success ? undefined : { typed, message: parsed.error.issues[0].message };
}

export function parseQueueParams(params: QueueSearchParams) {
  const status = all(params.status).filter((s): s is (typeof REQUEST_STATUSES)[number] =>
    (REQUEST_STATUSES as readonly string[]).includes(s),
  );
  const assignee = one(params.assignee);
  const after = one(params.after);
  const q = one(params.q)?.slice(0, 320);
  const requester = one(params.requester);
  const filter = {
    status: status.length ? status : undefined,
    type: oneOf(REQUEST_TYPES, one(params.type)),
    jurisdiction: oneOf(JURISDICTIONS, one(params.jurisdiction)),
    tag: requestTagSchema.safeParse(typedTag(params)).data,
    assignee: assignee && /^[\w-]{1,64}$/.test(assignee) ? assignee : undefined,
    due: oneOf(['overdue', '7d', '30d'] as const, one(params.due)),
    q: q && !q.includes('@') ? q : undefined,
    requester: queueFilterSchema.shape.requester.safeParse(requester).data,
    after: after && /^\d+_[0-9a-f-]{36}$/.test(after) ? after : undefined,
  } satisfies QueueFilter;
  return filter;
}

export type QueueView = ReturnType<typeof parseQueueParams>;

/**
 * The queue's URL for these filters (without the page cursor unless given). `refusedTag`: a tag typed
 * that is not of a tag's format, kept so that the form shows it with its error.
 */
export function queueHref(filter: QueueView, after?: string, refusedTag?: string): string {
  const search = new URLSearchParams();
  for (const s of filter.status ?? []) search.append('status', s);
  for (const key of ['type', 'jurisdiction', 'tag', 'assignee', 'due', 'q', 'requester'] as const) {
    const value = filter[key];
    if (value) search.set(key, value);
  }
  if (refusedTag && !filter.tag) search.set('tag', refusedTag);
  if (after) search.set('after', after);
  const query = search.toString();
  return query ? `/admin?${query}` : '/admin';
}
