import { formStartedStamp } from '@/lib/abuse/form-guard';
import { pageLocaleOf } from '@/app/components/page-locale';
import { env } from '@/lib/env';
import { hasGpcHeader } from '@/lib/opt-outs/gpc';
import { messagesOf } from '@/lib/i18n/catalogs';
import { pickMessages } from '@/lib/universal/i18n/translator';
import type { DisplayLocale } from '@/lib/universal/i18n/locales';
import { notAForm, notFromThisSite, postedFromAnotherSite, readFormPost, requesterOf, seeOther } from './form-post';
import { requestFormPage } from './request-form-page';
import { emptyRequestForm, REQUEST_FORM_MESSAGES } from './request-form-values';
import { submitRequestForm } from './submit-request-form';

/**
 * The request form, `/`. Not a Next.js page: a route handler that renders it to HTML with a small
 * island of React for the browser's checks (request-form-page.tsx), so the page loads React and the
 * form but not the App Router. Its form posts here, with or without JavaScript: a request accepted
 * goes on to the confirmation page (303, post/redirect/get); a refused one gets the form again with
 * its errors and what was typed, under a 4xx status.
 */
const nonceOf = (request: Request) => request.headers.get('x-nonce');

/** The form's words in the page's language: the island is sent these, never a whole catalog. */
const formMessages = (locale: DisplayLocale) => ({
  locale,
  messages: pickMessages(messagesOf(locale), REQUEST_FORM_MESSAGES),
});

export async function GET(request: Request) {
  const { locale, path } = pageLocaleOf(request);
  const props = {
    ...formMessages(locale),
    companyName: env().COMPANY_NAME,
    sellsOrShares: env().SELLS_OR_SHARES_PERSONAL_INFORMATION,
    formStartedAt: formStartedStamp(),
    state: { values: emptyRequestForm, fieldErrors: {} },
  };
  return requestFormPage({ props, path, nonce: nonceOf(request) });
}

export async function POST(request: Request) {
  // What Next.js checked for the server action this replaces: another site's page cannot post it
  // from its visitors' browsers (and so from their addresses, past the per-address limits).
  if (postedFromAnotherSite(request)) return notFromThisSite(request);
  const form = await readFormPost(request);
  if (!form) return notAForm(request);
  const { locale, path } = pageLocaleOf(request);
  const outcome = await submitRequestForm({
    form,
    locale,
    ...requesterOf(request),
    gpcHeader: hasGpcHeader(request.headers),
  });
  if (outcome.kind === 'submitted') return seeOther(outcome.location);
  const props = {
    ...formMessages(outcome.locale),
    companyName: env().COMPANY_NAME,
    sellsOrShares: env().SELLS_OR_SHARES_PERSONAL_INFORMATION,
    formStartedAt: outcome.formStartedAt,
    state: outcome.state,
  };
  return requestFormPage({ props, path, nonce: nonceOf(request), status: outcome.status, headers: outcome.headers });
}
