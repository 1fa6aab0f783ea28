import type { Metadata } from 'next';
import { InvalidLink } from '@/app/components/invalid-link';
import { currentPageLocale } from '@/app/components/page-locale';
import { translatorFor } from '@/lib/i18n/catalogs';
import { agentOnVerificationLink } from '@/lib/agents/agent-on-verification-link';
import { tokenSchema } from '@/lib/universal/request-schema';
import { firstParam } from '../read-input';
import { readNotice } from '../notices';
import { VerifyPanel, type VerifyView } from './verify-panel';

const VIEWS: VerifyView[] = ['already-verified', 'expired', 'used', 'request-closed', 'invalid', 'refused'];

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = translatorFor((await currentPageLocale()).locale);
  return {
    title: t('verify.title'),
    // The URL holds the token: no Referer leaves this page. Its forms post to route handlers.
    referrer: 'no-referrer',
    robots: { index: false, follow: false },
  };
}

/** Opening the link only shows a button: link scanners in mail systems must not confirm anything. */
export default async function VerifyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  // The email's link carries the request's language (`lang`), so this page speaks it.
  const t = translatorFor((await currentPageLocale()).locale);
  const token = tokenSchema.safeParse(firstParam(query.token));
  const result = firstParam(query.result);
  if (!token.success) return <InvalidLink t={t} focusOnMount={result === 'invalid'} />;
  const view = VIEWS.find((v) => v === result) ?? 'confirm';
  // An agent filed with signed permission: the person confirms or refuses it here (CCPA regs §7063(a)).
  const agent = view === 'confirm' ? await agentOnVerificationLink(token.data) : null;
  return (
    <VerifyPanel
      t={t}
      token={token.data}
      view={view}
      agent={agent}
      notice={readNotice(firstParam(query.notice))?.key}
    />
  );
}
