import type { Metadata } from 'next';
import Link from 'next/link';
import { InvalidLink } from '@/app/components/invalid-link';
import { PageHeading } from '@/app/components/page-heading';
import { SubmitButton } from '@/app/components/submit-button';
import { tokenSchema } from '@/lib/universal/request-schema';
import { noticeError, readNotice } from '../../notices';
import { currentPageLocale } from '@/app/components/page-locale';
import { translatorFor } from '@/lib/i18n/catalogs';
import { firstParam } from '../../read-input';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = translatorFor((await currentPageLocale()).locale);
  return {
    title: t('accountEmail.title'),
    // The URL holds the token: no Referer leaves this page. Its form posts to a route handler.
    referrer: 'no-referrer',
    robots: { index: false, follow: false },
  };
}

const RESULTS = ['proven', 'already-proven', 'expired', 'used', 'request-closed'] as const;

/**
 * The page an account-email proof link opens. Opening it only shows a button: mail scanners open
 * links, and must not confirm anything. It proves the address, nothing else: it never confirms the
 * request itself, and it shows no status link (its reader is whoever holds that mailbox).
 */
export default async function ConfirmAccountEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  const t = translatorFor((await currentPageLocale()).locale);
  const result = RESULTS.find((r) => r === firstParam(query.result));
  if (result) {
    return (
      <>
        <PageHeading focusOnMount>{t(`accountEmail.result.${result}.title`)}</PageHeading>
        <p>{t(`accountEmail.result.${result}.explanation`)}</p>
        <p>
          <Link href="/">{t('invalidLink.newRequest')}</Link>
        </p>
      </>
    );
  }
  const token = tokenSchema.safeParse(firstParam(query.token));
  if (!token.success) return <InvalidLink t={t} focusOnMount={firstParam(query.result) === 'invalid'} />;
  const error = noticeError(t, readNotice(firstParam(query.notice))?.key);
  return (
    <>
      <PageHeading focusOnMount={Boolean(error)}>{t('accountEmail.title')}</PageHeading>
      {error && (
        <div className="notice notice--error" role="alert">
          <p>{error}</p>
        </div>
      )}
      <p>{t('accountEmail.explanation')}</p>
      <p>{t('accountEmail.notYou')}</p>
      <form action="/verify/account-email/confirm" method="post">
        <input type="hidden" name="token" value={token.data} />
        <SubmitButton pendingLabel={t('verify.confirming')}>{t('accountEmail.button')}</SubmitButton>
      </form>
    </>
  );
}
