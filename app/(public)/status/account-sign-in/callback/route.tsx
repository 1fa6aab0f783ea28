import { pageLocaleOf } from '@/app/components/page-locale';
import { InvalidLinkView } from '@/app/components/invalid-link';
import { staticPage } from '@/app/components/static-page';
import { translatorFor } from '@/lib/i18n/catalogs';
import { finishAccountSignIn } from '@/lib/verification/finish-account-sign-in';
import { requesterOf, seeOther } from '../../../form-post';
import type { NoticeKey } from '../../../notices';
import { LOCALE_PARAM } from '@/lib/i18n/negotiate-locale';
import { readSignInCookie, readSignInLang } from '../../account-sign-in-cookie';

const NOTICE: Record<'signed-in' | 'refused' | 'expired' | 'used' | 'unavailable', NoticeKey> = {
  'signed-in': 'signed-in',
  refused: 'sign-in-refused',
  expired: 'sign-in-expired',
  used: 'sign-in-expired',
  unavailable: 'sign-in-unavailable',
};

/**
 * Where the identity provider sends the requester back (REQUESTER_OIDC_*'s one redirect URI). Back
 * to the status page with what happened (post/redirect/get); the status link comes from the server,
 * for the browser that started the sign-in only.
 */
export async function GET(request: Request) {
  const result = await finishAccountSignIn({
    callbackUrl: new URL(request.url),
    browserKey: readSignInCookie(request),
    ...requesterOf(request),
  });
  if ('statusPath' in result) {
    const lang = readSignInLang(request);
    return seeOther(
      `${result.statusPath}&form=account-sign-in&notice=${NOTICE[result.outcome]}${lang ? `&${LOCALE_PARAM}=${lang}` : ''}`,
    );
  }
  const page = pageLocaleOf(request);
  const t = translatorFor(page.locale);
  return staticPage({
    ...page,
    title: t('signIn.title'),
    status: 400,
    headers: { 'Cache-Control': 'no-store' },
    children: <InvalidLinkView t={t} advice={t('signIn.cannotFinish')} />,
  });
}
