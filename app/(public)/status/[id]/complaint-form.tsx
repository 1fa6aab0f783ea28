import { ErrorSummaryView } from '@/app/components/error-summary-view';
import { FieldError } from '@/app/components/field-error';
import type { Translator } from '@/lib/universal/i18n/translator';
import { type NoticeKey, noticeError, noticeMessage } from '../../notices';
import { type Phrase, say } from '@/lib/universal/i18n/phrase';
import type { DisplayLocale } from '@/lib/universal/i18n/locales';
import { StatusFormFields } from './status-form-fields';

/**
 * A complaint about how we handle the requester's personal data (UK DPA 2018 s.164A(2): a form that can
 * be completed electronically), offered on every status page whatever the regime. Posts to a route
 * handler (post/redirect/get), like every form on a token page, so it works without JavaScript.
 */
export function ComplaintForm({
  t,
  requestId,
  token,
  lang,
  authority,
  notice,
}: {
  t: Translator;
  requestId: string;
  token: string;
  /** The language chosen on the status page, kept across the post. */
  lang?: DisplayLocale;
  authority: Phrase | null;
  notice?: NoticeKey;
}) {
  const error = noticeError(t, notice);
  const fieldErrors =
    notice === 'complaint-too-short' || notice === 'complaint-too-long' ? [noticeMessage(t, notice)] : undefined;
  return (
    <form action={`/status/${requestId}/complaint`} method="post" noValidate aria-labelledby="complaint-title">
      <h2 id="complaint-title">{t('status.complaint.title')}</h2>
      <ErrorSummaryView
        title={t('form.errorSummary')}
        errors={error ? [{ message: error, fieldId: fieldErrors ? 'complaint-statement' : undefined }] : []}
      />
      <p>{t('status.complaint.explanation')}</p>
      {/* Where to turn when not satisfied with our answer (UK: the ICO), in the page's language. */}
      {authority && <p className="hint">{say(t, authority)}</p>}
      <StatusFormFields token={token} lang={lang} />
      <div className={fieldErrors ? 'field field--error' : 'field'}>
        <label htmlFor="complaint-statement">{t('status.complaint.label')}</label>
        <FieldError id="complaint-statement-error" messages={fieldErrors} prefix={t('form.errorPrefix')} />
        <textarea
          id="complaint-statement"
          name="statement"
          rows={5}
          maxLength={5000}
          required
          aria-invalid={fieldErrors ? true : undefined}
          aria-describedby={fieldErrors ? 'complaint-statement-error' : undefined}
        />
      </div>
      <button type="submit" className="button">
        {t('status.complaint.button')}
      </button>
    </form>
  );
}
