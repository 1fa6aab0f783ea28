import { languageName } from '@/lib/i18n/catalogs';
import { LOCALES, type Locale } from '@/lib/universal/i18n/locales';
import type { Translator } from '@/lib/universal/i18n/translator';

/** This page in another language: the same path and query, `lang` set (proxy.ts remembers it in a cookie). */
export function pathInLocale(path: string, locale: Locale): string {
  const url = new URL(path, 'http://portal.invalid');
  url.searchParams.set('lang', locale);
  // A notice belongs to the post that led here, not to the page in another language.
  url.searchParams.delete('notice');
  return url.pathname + url.search;
}

/**
 * Plain links, so switching works without JavaScript and on every page (the status page's link
 * keeps its token: the page stays the same page). Each name in its own language, marked so.
 */
export function LanguageSwitcher({ t, path }: { t: Translator; path: string }) {
  return (
    <nav className="language-switcher" aria-label={t('chrome.languages')}>
      <ul>
        {LOCALES.map((locale: Locale) => (
          <li key={locale}>
            {locale === t.locale ? (
              <span aria-current="true" lang={locale}>
                {languageName(locale)}
              </span>
            ) : (
              <a href={pathInLocale(path, locale)} lang={locale} hrefLang={locale}>
                {languageName(locale)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
