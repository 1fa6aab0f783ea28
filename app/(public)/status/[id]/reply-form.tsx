import { ErrorSummaryView } from '@/app/components/error-summary-view';
import { FieldError } from '@/app/components/field-error';
import type { Translator } from '@/lib/universal/i18n/translator';
import { type NoticeKey, noticeError, noticeMessage } from '../../notices';
import type { DisplayLocale } from '@/lib/universal/i18n/locales';
import { StatusFormFields } from './status-form-fields';

/** Our question and the requester's answer, which restarts the clock. Works without JavaScript. */
export function ReplyForm({
  t,
  requestId,
  token,
  lang,
  question,
  notice,
}: {
  t: Translator;
  requestId: string;
  token: string;
  /** The language chosen on the status page, kept across the post. */
  lang?: DisplayLocale;
  question: string;
  notice?: NoticeKey;
}) {
  const error = noticeError(t, notice);
  const fieldErrors =
    notice === 'answer-empty' || notice === 'answer-too-long' ? [noticeMessage(t, notice)] : undefined;
  return (
    <form action={`/status/${requestId}/reply`} method="post" noValidate aria-labelledby="reply-title">
      <h2 id="reply-title">{t('status.reply.title')}</h2>
      <ErrorSummaryView
        title={t('form.errorSummary')}
        errors={error ? [{ message: error, fieldId: fieldErrors ? 'reply-message' : undefined }] : []}
      />
      <blockquote className="question">{question}</blockquote>
      <StatusFormFields token={token} lang={lang} />
      <div className={fieldErrors ? 'field field--error' : 'field'}>
        <label htmlFor="reply-message">{t('status.reply.label')}</label>
        <FieldError id="reply-message-error" messages={fieldErrors} prefix={t('form.errorPrefix')} />
        <textarea
          id="reply-message"
          name="message"
          rows={5}
          maxLength={5000}
          required
          aria-invalid={fieldErrors ? true : undefined}
          aria-describedby={fieldErrors ? 'reply-message-error' : undefined}
        />
      </div>
      <button type="submit" className="button">
        {t('status.reply.button')}
      </button>
    </form>
  );
}
