import type { Metadata } from 'next';
import { InvalidLink } from '@/app/components/invalid-link';
import { currentPageLocale } from '@/app/components/page-locale';
import { ResendLinkForm } from '@/app/components/resend-link-form';
import { env } from '@/lib/env';
import { translatorFor } from '@/lib/i18n/catalogs';
import { getSubmittedOptOut } from '@/lib/requests/get-submitted-opt-out';
import type { RequestType } from '@/lib/universal/codes';
import { durationLabel, requestTypeList } from '@/lib/universal/i18n/code-labels';
import type { Translator } from '@/lib/universal/i18n/translator';
import { ACTED_AT_RECEIPT_WORDING } from '@/lib/universal/opt-out-wording';
import { tokenSchema } from '@/lib/universal/request-schema';
import { readNotice } from '../../notices';
import { firstParam } from '../../read-input';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = translatorFor((await currentPageLocale()).locale);
  return {
    title: t('submitted.title'),
    // The URL holds the submission token: no Referer leaves this page. Its form posts to a route handler.
    referrer: 'no-referrer',
    robots: { index: false, follow: false },
  };
}

/** The types acted on at receipt (lib/universal/opt-out-wording.ts), one by name or several together. */
const actedOn = (types: readonly RequestType[]) => {
  const acted = types.filter((type) => ACTED_AT_RECEIPT_WORDING[type]);
  return acted.length === 1 ? acted[0] : 'several';
};

/** What each type acted on at receipt does, in the page's language. */
function effects(t: Translator, types: readonly RequestType[], sellsOrShares: boolean): string[] {
  return types.flatMap((type) => {
    switch (type) {
      case 'unsubscribe':
        return [t('optOut.effect.unsubscribe')];
      case 'opt_out_sale':
        return [t(sellsOrShares ? 'optOut.effect.optOutSale.sells' : 'optOut.effect.optOutSale.none')];
      case 'limit_sensitive':
        return [t('optOut.effect.limitSensitive')];
      case 'objection':
        return [t('optOut.effect.objection')];
      default:
        return [];
    }
  });
}

export default async function SubmittedPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const t = translatorFor((await currentPageLocale()).locale);
  const token = tokenSchema.safeParse(firstParam(query.token));
  if (!token.success || !/^[0-9a-f-]{36}$/i.test(id)) return <InvalidLink t={t} />;

  const optOut = await getSubmittedOptOut({ requestId: id, submissionToken: token.data });
  const type = actedOn(optOut?.types ?? []);
  const optOutWords = requestTypeList(t, optOut?.types ?? []);
  if (optOut?.only)
    return (
      <>
        <h1>{t('submitted.optOut.title', { type })}</h1>
        <div className="notice notice--success">
          <p>{t('submitted.optOut.received', { type, types: optOutWords })}</p>
        </div>
        <ul>
          {effects(t, optOut.types, env().SELLS_OR_SHARES_PERSONAL_INFORMATION).map((effect) => (
            <li key={effect}>{effect}</li>
          ))}
        </ul>
        <p>{t('submitted.optOut.statusPage', { honored: t('optOut.honored', { type }) })}</p>
        <p>{t('submitted.forSomeoneElse')}</p>
      </>
    );

  return (
    <>
      <h1>{t('submitted.title')}</h1>
      <div className="notice notice--success">
        <p>{t('submitted.received', { lifetime: durationLabel(t, env().verificationTtlHours) })}</p>
      </div>
      {optOut && <p>{t('submitted.partlyActedOn', { type, types: optOutWords })}</p>}
      <p>{t.rich('submitted.howToConfirm', { b: (chunks) => <strong>{chunks}</strong> })}</p>
      <p>{t('submitted.forSomeoneElseConfirm')}</p>
      <h2>{t('submitted.noEmail.title')}</h2>
      <p>{t('submitted.noEmail.explanation')}</p>
      <ResendLinkForm
        t={t}
        action={`/submitted/${id}/resend`}
        hiddenFields={{ token: token.data }}
        notice={readNotice(firstParam(query.notice))?.key}
        buttonLabel={t('submitted.sendAgain')}
      />
    </>
  );
}
