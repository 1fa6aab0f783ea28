import {
  parseQueueParams,
  queueHref,
  type QueueSearchParams,
  tagError,
} from '@/app/(staff)/admin/(workspace)/(queue)/queue-filter';
import { readFormPost, seeOther } from '@/app/(public)/form-post';
import { requireStaff } from '@/lib/auth/current-staff';
import { AppError } from '@/lib/errors';
import { jsonRoute } from '@/lib/http/json-route';
import { findRequester } from '@/lib/requests/staff/find-requester';

/**
 * POST /api/admin/queue-search: the queue's filter form (requests.read). Answers 303 to the queue's
 * address for those filters, so filtering works without JavaScript and the result can be bookmarked.
 * The form posts because its search box takes an exact email address, which must never be in a
 * URL (history, server logs, Referer): an email search goes on as `requester`, a request's id.
 */
export async function POST(request: Request) {
  return jsonRoute(async () => {
    const staff = await requireStaff('requests.read');
    const form = await readFormPost(request);
    if (!form) throw new AppError('INVALID_INPUT', 'Send the queue filters as a form.');
    const params: QueueSearchParams = {};
    for (const [key, value] of form.entries()) {
      if (typeof value !== 'string') continue;
      const previous = params[key];
      params[key] = previous === undefined ? value : [previous, value].flat();
    }
    const q = [params.q].flat()[0]?.trim() ?? '';
    const filter = parseQueueParams(params);
    // A new search replaces the last one.
    if (q.includes('@')) filter.requester = await findRequester({ staff, email: q.slice(0, 320) });
    else if (q) filter.requester = undefined;
    return seeOther(queueHref(filter, undefined, tagError(params)?.typed));
  });
}
