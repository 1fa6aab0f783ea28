import type { Metadata } from 'next';
import { InvalidLink } from '@/app/components/invalid-link';
import { tokenSchema } from '@/lib/requests/schemas';
import { firstParam } from '../read-input';
import { VerifyPanel } from './verify-panel';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Confirm your request',
  // Not 'no-referrer': with it, browsers send `Origin: null` on form posts and Next.js refuses the
  // server action when JavaScript is off. 'same-origin' still keeps the token from every other site.
  referrer: 'same-origin',
  robots: { index: false, follow: false },
};

/** Opening the link only shows a button: link scanners in mail systems must not confirm anything. */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const token = tokenSchema.safeParse(firstParam((await searchParams).token));
  if (!token.success) return <InvalidLink />;
  return <VerifyPanel token={token.data} />;
}
