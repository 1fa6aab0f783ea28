/**
 * Staff forms that work without JavaScript post to route handlers: the permission is checked first
 * (401/403 as JSON, like every admin route), then the form is read (another site's post is refused)
 * and the domain function runs; the answer is a 303 back to the page with a fixed notice or error
 * code in the query, never free text.
 */
import { env } from '../env';
import { AppError, publicError } from '../errors';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import type { Permission } from '../permissions/staff-permissions';
import { jsonRoute } from './json-route';

export type StaffFormOutcome = { notice: string } | { error: string };

/**
 * Another site's page posting with the staff member's browser. Browsers say where a request comes
 * from in Sec-Fetch-Site (also when a no-referrer policy makes the Origin "null"); a named Origin must
 * be this request's host or APP_URL's. The session cookie is SameSite=Lax as well, so a cross-site
 * post carries no session: this is the second layer. Neither header: scripts and old browsers pass.
 */
function postedFromAnotherSite(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.get('origin');
  if (origin === null || origin === 'null') return false;
  const ours = [request.headers.get('x-forwarded-host'), request.headers.get('host'), new URL(env().APP_URL).host];
  try {
    return !ours.includes(new URL(origin).host);
  } catch {
    return true;
  }
}

function withQuery(path: string, key: string, value: string) {
  return `${path}${path.includes('?') ? '&' : '?'}${key}=${encodeURIComponent(value)}`;
}

export function staffFormRoute(options: {
  request: Request;
  staff: () => Promise<StaffIdentity | null>;
  permission: Permission;
  /** Where to go back to, from the posted form (already validated as one of ours). */
  back: (form: FormData) => string;
  run: (staff: StaffIdentity, form: Record<string, string>) => Promise<string>;
}): Promise<Response> {
  return jsonRoute(async () => {
    const staff = authorize(await options.staff(), options.permission);
    if (postedFromAnotherSite(options.request)) throw new AppError('FORBIDDEN', 'Post this form from the workspace.');
    const type = options.request.headers.get('content-type') ?? '';
    const form = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)
      ? await options.request.formData().catch(() => null)
      : null;
    if (!form) throw new AppError('INVALID_INPUT', 'Send this as a form.');
    const fields = Object.fromEntries([...form.entries()].flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
    const back = options.back(form);
    let location: string;
    try {
      location = withQuery(back, 'notice', await options.run(staff, fields));
    } catch (error) {
      // The page shows a fixed text per code (publicError logs what was unexpected).
      location = withQuery(back, 'error', publicError(error).code.toLowerCase());
    }
    return new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });
  });
}
