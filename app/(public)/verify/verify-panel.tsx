import Link from 'next/link';
import { InvalidLink } from '@/app/components/invalid-link';
import { PageHeading } from '@/app/components/page-heading';
import { ResendLinkForm } from '@/app/components/resend-link-form';
import { SubmitButton } from '@/app/components/submit-button';
import type { Translator } from '@/lib/universal/i18n/translator';
import { type NoticeKey, noticeError } from '../notices';

export type VerifyView = 'confirm' | 'already-verified' | 'expired' | 'used' | 'request-closed' | 'invalid' | 'refused';

/**
 * The verification page's content: the confirm button, or what the confirmation found (the
 * confirm route sends the browser back here with `result`).
 */
export function VerifyPanel({
  t,
  token,
  view,
  notice,
  agent,
}: {
  t: Translator;
  token: string;
  view: VerifyView;
  notice?: NoticeKey;
  /** An authorized agent asked with signed permission: the person confirms it or refuses. */
  agent?: { name: string } | null;
}) {
  switch (view) {
    case 'confirm': {
      const error = noticeError(t, notice);
      if (agent) return <ConfirmAgent t={t} token={token} agentName={agent.name} error={error} />;
      return (
        <>
          <PageHeading focusOnMount={Boolean(error)}>{t('verify.title')}</PageHeading>
          {error && (
            <div className="notice notice--error" role="alert">
              <p>{error}</p>
            </div>
          )}
          <p>{t('verify.explanation')}</p>
          <p>{t('verify.notYou')}</p>
          <form action="/verify/confirm" method="post">
            <input type="hidden" name="token" value={token} />
            <SubmitButton pendingLabel={t('verify.confirming')}>{t('verify.button')}</SubmitButton>
          </form>
        </>
      );
    }
    case 'already-verified':
      return (
        <>
          <PageHeading focusOnMount>{t('verify.already.title')}</PageHeading>
          <p>{t('verify.already.explanation')}</p>
        </>
      );
    case 'expired':
    case 'used':
      return (
        <>
          <PageHeading focusOnMount>{t(view === 'expired' ? 'verify.expired.title' : 'verify.used.title')}</PageHeading>
          <p>
            {t(view === 'expired' ? 'verify.expired.explanation' : 'verify.used.explanation')}{' '}
            {t('verify.notConfirmedYet')}
          </p>
          <ResendLinkForm
            t={t}
            action="/verify/resend"
            hiddenFields={{ token, result: view }}
            buttonLabel={t('verify.sendNewLink')}
            notice={notice}
          />
        </>
      );
    case 'request-closed':
      return (
        <>
          <PageHeading focusOnMount>{t('verify.closed.title')}</PageHeading>
          <p>{t('verify.closed.explanation')}</p>
          <p>
            <Link href="/">{t('invalidLink.newRequest')}</Link>
          </p>
        </>
      );
    case 'refused':
      return (
        <>
          <PageHeading focusOnMount>{t('verify.refused.title')}</PageHeading>
          <p>{t('verify.refused.explanation')}</p>
          <p>{t.rich('verify.refused.yourself', { link: (chunks) => <Link href="/">{chunks}</Link> })}</p>
        </>
      );
    case 'invalid':
      return <InvalidLink t={t} focusOnMount />;
  }
}

/** The person an agent filed for (with signed permission): confirm, with or without copies to the agent, or refuse. */
function ConfirmAgent({
  t,
  token,
  agentName,
  error,
}: {
  t: Translator;
  token: string;
  agentName: string;
  error?: string;
}) {
  return (
    <>
      <PageHeading focusOnMount={Boolean(error)}>{t('verify.agent.title', { agent: agentName })}</PageHeading>
      {error && (
        <div className="notice notice--error" role="alert">
          <p>{error}</p>
        </div>
      )}
      <p>{t('verify.agent.explanation', { agent: agentName })}</p>
      <form action="/verify/confirm" method="post">
        <input type="hidden" name="token" value={token} />
        <div className="field">
          <input id="field-agentCopies" type="checkbox" name="agentCopies" value="on" />{' '}
          <label htmlFor="field-agentCopies">{t('verify.agent.copies', { agent: agentName })}</label>
        </div>
        <SubmitButton pendingLabel={t('verify.confirming')}>{t('verify.agent.confirm')}</SubmitButton>
      </form>
      <h2>{t('verify.agent.didNotAsk')}</h2>
      <form action="/verify/refuse" method="post">
        <input type="hidden" name="token" value={token} />
        <SubmitButton pendingLabel={t('verify.agent.closing')} variant="warning">
          {t('verify.agent.refuse')}
        </SubmitButton>
      </form>
    </>
  );
}
