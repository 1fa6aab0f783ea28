import type { Metadata } from 'next';
import { InvalidLink } from '@/app/components/invalid-link';
import { agentOnVerificationLink } from '@/lib/agents/agent-on-verification-link';
import { tokenSchema } from '@/lib/universal/request-schema';
import { firstParam } from '../read-input';
import { readNotice } from '../notices';
import { VerifyPanel, type VerifyView } from './verify-panel';

const VIEWS: VerifyView[] = ['already-verified', 'expired', 'used', 'request-closed', 'invalid', 'refused'];

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Confirm your request',
  // The URL holds the token: no Referer leaves this page. Its forms post to route handlers.
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};

/** Opening the link only shows a button: link scanners in mail systems must not confirm anything. */
export default async function VerifyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  const token = tokenSchema.safeParse(firstParam(query.token));
  const result = firstParam(query.result);
  if (!token.success) return <InvalidLink focusOnMount={result === 'invalid'} />;
  const view = VIEWS.find((v) => v === result) ?? 'confirm';
  // An agent filed with signed permission: the person confirms or refuses it here (CCPA regs §7063(a)).
  const agent = view === 'confirm' ? await agentOnVerificationLink(token.data) : null;
  return (
    <VerifyPanel token={token.data} view={view} agent={agent} notice={readNotice(firstParam(query.notice))?.key} />
  );
}
