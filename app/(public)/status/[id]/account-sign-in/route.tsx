import { pageLocaleOf } from '@/app/components/page-locale';
import { staticPage } from '@/app/components/static-page';
import { env } from '@/lib/env';
import { translatorFor } from '@/lib/i18n/catalogs';
import { SIGN_IN_MINUTES, startAccountSignIn } from '@/lib/verification/start-account-sign-in';
import { noticeForError, readStatusFormPost, requesterOf } from '../../../form-post';
import { readSignInCookie, signInCookie } from '../../account-sign-in-cookie';

/**
 * "Sign in with your Bitstride account": starts the sign-in and hands the browser to the identity
 * provider. A page that moves on by itself (and links there), not a redirect: the status page's
 * `form-action 'self'` forbids a form's post from ending up on another site.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const post = await readStatusFormPost(request, params);
  if (post instanceof Response) return post;
  let started: Awaited<ReturnType<typeof startAccountSignIn>>;
  try {
    started = await startAccountSignIn({
      requestId: post.requestId,
      statusToken: post.token,
      browserKey: readSignInCookie(request),
      ip: requesterOf(request).ip,
    });
  } catch (error) {
    return post.back({
      form: 'account-sign-in',
      notice: noticeForError(error, {
        NOT_FOUND: 'not-found',
        CONFLICT: 'sign-in-not-needed',
        UNAVAILABLE: 'sign-in-unavailable',
        RATE_LIMITED: 'rate-limited',
      }),
    });
  }
  // The hand-off page speaks the language chosen on the status page, as the page after it will.
  const page = { ...pageLocaleOf(request), ...(post.lang && { locale: post.lang }) };
  const t = translatorFor(page.locale);
  const name = env().REQUESTER_OIDC_NAME ?? t('proof.signIn.defaultName', { company: env().COMPANY_NAME });
  return staticPage({
    ...page,
    title: t('proof.signIn.redirectTitle'),
    refreshTo: started.authorizationUrl,
    headers: {
      'Set-Cookie': signInCookie(started.browserKey, SIGN_IN_MINUTES, post.lang),
      'Cache-Control': 'no-store',
    },
    children: (
      <>
        <h1>{t('proof.signIn.title', { name })}</h1>
        <p>
          {t.rich('proof.signIn.redirect', {
            link: (chunks) => <a href={started.authorizationUrl}>{chunks}</a>,
          })}
        </p>
        <p className="hint">{t('proof.signIn.redirectHint', { minutes: SIGN_IN_MINUTES })}</p>
      </>
    ),
  });
}
