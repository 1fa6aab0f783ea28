import type { DisplayLocale } from '@/lib/universal/i18n/locales';

/**
 * The hidden fields of every form on the status page: the status token, and the language the
 * requester chose on this page with the switcher, if they did, so that the page the post redirects
 * back to speaks it too rather than the request's language. A language code, nothing personal.
 */
export function StatusFormFields({ token, lang }: { token: string; lang?: DisplayLocale }) {
  return (
    <>
      <input type="hidden" name="token" value={token} />
      {lang && <input type="hidden" name="lang" value={lang} />}
    </>
  );
}
