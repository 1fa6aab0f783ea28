import type { Metadata } from 'next';
import { InvalidLink } from '@/app/components/invalid-link';
import { ResendLinkForm } from '@/app/components/resend-link-form';
import { env } from '@/lib/env';
import { formatHours } from '@/lib/universal/duration';
import { getSubmittedOptOut } from '@/lib/requests/get-submitted-opt-out';
import { actedAtReceiptEffects, actedAtReceiptHonored, actedAtReceiptNoun } from '@/lib/universal/opt-out-wording';
import { REQUEST_TYPE_LABELS } from '@/lib/universal/codes';
import { tokenSchema } from '@/lib/universal/request-schema';
import { firstParam } from '../../read-input';
import { readNotice } from '../../notices';

export const dynamic = 'force-dynamic';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const metadata: Metadata = {
  title: 'Check your email',
  // The URL holds the submission token: no Referer leaves this page. Its form posts to a route handler.
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};

export default async function SubmittedPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const token = tokenSchema.safeParse(firstParam(query.token));
  if (!token.success || !/^[0-9a-f-]{36}$/i.test(id)) return <InvalidLink />;

  const optOut = await getSubmittedOptOut({ requestId: id, submissionToken: token.data });
  const optOutWords = optOut?.types.map((t) => REQUEST_TYPE_LABELS[t].toLowerCase()).join(', ');
  const noun = actedAtReceiptNoun(optOut?.types ?? []);
  const effects = actedAtReceiptEffects(optOut?.types ?? [], {
    sellsOrShares: env().SELLS_OR_SHARES_PERSONAL_INFORMATION,
  });
  if (optOut?.only)
    return (
      <>
        <h1>We are acting on your {noun}</h1>
        <div className="notice notice--success">
          <p>
            We received your {noun} ({optOutWords}). It needs no confirmation: we are already acting on it in every
            system that holds your data.
          </p>
        </div>
        <ul>
          {effects.map((effect) => (
            <li key={effect}>{capitalise(effect)}.</li>
          ))}
        </ul>
        <p>
          We sent an email to the address you gave, with a link to the request&rsquo;s status page. The page says
          &ldquo;{actedAtReceiptHonored(optOut.types)}&rdquo; once every system has acted.
        </p>
        <p>If you made the request for someone else, the email went to their address.</p>
      </>
    );

  const lifetime = formatHours(env().verificationTtlHours);
  return (
    <>
      <h1>Check your email</h1>
      <div className="notice notice--success">
        <p>We received your request. We sent an email with a link to confirm it. The link expires in {lifetime}.</p>
      </div>
      {optOut && (
        <p>
          Your {noun} ({optOutWords}) needs no confirmation: we are already acting on it. The rest of your request waits
          for you to confirm.
        </p>
      )}
      <p>
        Open the email and press the link, then press <strong>Confirm my request</strong>. We cannot start on your
        request until you confirm it, and if it is not confirmed in time, we close it as a request we could not verify.
      </p>
      <p>If you made the request for someone else, the email went to their address: ask them to confirm it.</p>
      <h2>No email?</h2>
      <p>
        It can take a few minutes to arrive. Check your spam or junk folder. If it is not there, we can send it again;
        only the newest link will work.
      </p>
      <ResendLinkForm
        action={`/submitted/${id}/resend`}
        hiddenFields={{ token: token.data }}
        notice={readNotice(firstParam(query.notice))?.key}
        buttonLabel="Send the email again"
      />
    </>
  );
}
