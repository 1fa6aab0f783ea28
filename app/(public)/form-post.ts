/**
 * What the forms of pages whose URL holds a secret (verify, submitted, status) share. They post to
 * route handlers instead of server actions so those pages can send no Referer at all (see
 * lib/security/security-headers.ts), and answer with a redirect back to the page (post/redirect/get)
 * carrying a notice key, never free text, in the query. The request form (POST /) reads its post
 * with the same helpers.
 */
import { pageLocaleOf } from '@/app/components/page-locale';
import { AppError, publicError } from '@/lib/errors';
import { clientInfo } from '@/lib/http/client-info';
import { translatorFor } from '@/lib/i18n/catalogs';
import { LOCALE_PARAM } from '@/lib/i18n/negotiate-locale';
import { type DisplayLocale, isDisplayLocale } from '@/lib/universal/i18n/locales';
import type { MessageKey } from '@/lib/universal/i18n/translator';
import { tokenSchema } from '@/lib/universal/request-schema';
import { isUuid } from '@/lib/uuid';
import type { NoticeKey } from './notices';

/** The form's fields, or null when the body is not a form (the handler then answers 400). */
export async function readFormPost(request: Request): Promise<FormData | null> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) return null;
  try {
    return await request.formData();
  } catch {
    return null;
  }
}

/**
 * A browser posting from another site's page: its Origin names another host than ours (Host, or
 * X-Forwarded-Host behind a proxy, as Next.js checks for server actions), or is "null" (a sandboxed
 * frame). No Origin passes: scripts and old browsers, which could post directly anyway. Only for a
 * page that sends its Origin (Referrer-Policy same-origin): the token pages' no-referrer forms send
 * "null" and are proven by the secret they carry instead.
 */
export function postedFromAnotherSite(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export function fieldText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** 303 to a path on this site: a relative Location, so it is right behind any proxy. */
export function seeOther(path: string): Response {
  return new Response(null, { status: 303, headers: { Location: path, 'Cache-Control': 'no-store' } });
}

/** Request ids in our URLs are UUIDs; anything else cannot be one of ours. */
export function isRequestId(id: string): boolean {
  return isUuid(id);
}

/**
 * The answers of a post that never came from one of our forms (a crafted or truncated one): JSON as
 * the API answers, its message in the page's language (proxy.ts chose it), its `code` the same in all.
 */
function refused(request: Request, status: number, code: string, key: MessageKey): Response {
  const t = translatorFor(pageLocaleOf(request).locale);
  return Response.json({ error: { code, message: t(key) } }, { status, headers: { 'Content-Language': t.locale } });
}

export const unknownLink = (request: Request) => refused(request, 404, 'NOT_FOUND', 'invalidLink.unknownLink');

export const notFromThisSite = (request: Request) => refused(request, 403, 'FORBIDDEN', 'invalidLink.notFromThisSite');

export const notAForm = (request: Request) => refused(request, 400, 'BAD_REQUEST', 'invalidLink.notAForm');

/** The notice for an error: expected ones by their code, anything else logged with a reference. */
export function noticeForError(error: unknown, byCode: Partial<Record<AppError['code'], NoticeKey>>): NoticeKey {
  if (error instanceof AppError && byCode[error.code]) return byCode[error.code]!;
  publicError(error);
  return 'unexpected';
}

export function requesterOf(request: Request) {
  return clientInfo(request.headers);
}

export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, v);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export type StatusFormPost = {
  requestId: string;
  form: FormData;
  /** The status token, checked for shape only: the operation itself checks it against the request. */
  token: string;
  /** The language the requester chose on the status page, when they chose one there. */
  lang: DisplayLocale | undefined;
  /** Back to the status page, with the token and a notice or an outcome flag. */
  back: (query: Record<string, string | undefined>) => Response;
};

/**
 * The first steps of every form on the status page: a request id of ours, a form body, a token of
 * the right shape. Anything else ends here: 404 for an id that cannot be ours, 400 for a body that is
 * not a form, and the bare status page (which then says the link is not valid) for a bad token.
 */
export async function readStatusFormPost(
  request: Request,
  params: Promise<{ id: string }>,
): Promise<StatusFormPost | Response> {
  const { id } = await params;
  if (!isRequestId(id)) return unknownLink(request);
  const form = await readFormPost(request);
  if (!form) return notAForm(request);
  const page = `/status/${id}`;
  // The language the requester chose on the status page (its forms post it): the page they come
  // back to speaks it too, through the same `?lang=` its switcher uses.
  const chosen = fieldText(form, LOCALE_PARAM);
  const lang = isDisplayLocale(chosen) ? chosen : undefined;
  const token = tokenSchema.safeParse(fieldText(form, 'token'));
  if (!token.success) return seeOther(withQuery(page, { [LOCALE_PARAM]: lang }));
  return {
    requestId: id,
    form,
    token: token.data,
    lang,
    back: (query) => seeOther(withQuery(page, { token: token.data, [LOCALE_PARAM]: lang, ...query })),
  };
}
