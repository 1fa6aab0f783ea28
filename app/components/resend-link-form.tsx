import { NOTICES, type NoticeKey, noticeMessage } from '@/app/(public)/notices';
import type { Translator } from '@/lib/universal/i18n/translator';
import { SubmitButton } from './submit-button';

/**
 * "Send the email again": a plain form posting its hidden fields to a route handler, which sends
 * the browser back with a notice. The same with or without JavaScript.
 */
export function ResendLinkForm({
  t,
  action,
  hiddenFields,
  buttonLabel,
  notice,
}: {
  t: Translator;
  action: string;
  hiddenFields: Record<string, string>;
  buttonLabel: string;
  notice?: NoticeKey;
}) {
  const shown = notice ? { tone: NOTICES[notice].tone, message: noticeMessage(t, notice) } : undefined;
  return (
    <form action={action} method="post">
      {Object.entries(hiddenFields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div role="status" aria-live="polite">
        {shown?.tone === 'success' && (
          <div className="notice notice--success">
            <p>{shown.message}</p>
          </div>
        )}
      </div>
      <div role="alert">
        {shown?.tone === 'error' && (
          <div className="notice notice--error">
            <p>{shown.message}</p>
          </div>
        )}
      </div>
      <SubmitButton variant="secondary" pendingLabel={t('resend.sending')}>
        {buttonLabel}
      </SubmitButton>
    </form>
  );
}
