import type { Metadata } from 'next';
import { translatorFor } from '@/lib/i18n/catalogs';
import { currentPageLocale } from './components/page-locale';

export async function generateMetadata(): Promise<Metadata> {
  const t = translatorFor((await currentPageLocale()).locale);
  return { title: t('notFound.title'), robots: { index: false, follow: false } };
}

/**
 * An address with no page (a link cut short, a typing mistake), in the page's language: a requester
 * reaches it from a public link; the workspace's addresses read it in English as the rest of it.
 */
export default async function NotFound() {
  const t = translatorFor((await currentPageLocale()).locale);
  return (
    <main id="main" className="page" tabIndex={-1}>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.advice')}</p>
      <p>
        <a href="/">{t('invalidLink.newRequest')}</a>
      </p>
    </main>
  );
}
