import { ErrorSummaryView } from '@/app/components/error-summary-view';
import { fieldMarks, TextField } from '@/app/components/form-fields';
import type { PublicRequestStatus } from '@/lib/requests/get-request-status';
import type { Translator } from '@/lib/universal/i18n/translator';
import { IDENTITY_QUESTIONS } from '@/lib/verification/identity-questions';
import { type NoticeKey, noticeError, noticeMessage } from '../../notices';
import type { DisplayLocale } from '@/lib/universal/i18n/locales';
import { StatusFormFields } from './status-form-fields';

/**
 * Data-point matching: the same questions for every request, whatever its address, so the page
 * never tells whether an account exists. Every answer is optional; the form says how many must
 * match, never which did not. Fields are empty after each post: nothing typed comes back.
 */
export function IdentityQuestionsForm({
  t,
  requestId,
  token,
  lang,
  questions,
  notice,
}: {
  t: Translator;
  requestId: string;
  token: string;
  /** The language chosen on the status page, kept across the post. */
  lang?: DisplayLocale;
  questions: PublicRequestStatus['verification']['questions'];
  notice?: NoticeKey;
}) {
  const error = noticeError(t, notice);
  if (questions.locked)
    return (
      <section aria-labelledby="identity-questions-title">
        <h3 id="identity-questions-title">{t('proof.questions.title')}</h3>
        <div className="notice notice--error" role="status">
          <p>{noticeMessage(t, 'identity-locked')}</p>
        </div>
      </section>
    );
  if (!questions.offered) return null;
  const marks = fieldMarks(t);
  return (
    <form
      action={`/status/${requestId}/identity-questions`}
      method="post"
      noValidate
      autoComplete="off"
      aria-labelledby="identity-questions-title"
    >
      <h3 id="identity-questions-title">{t('proof.questions.title')}</h3>
      <ErrorSummaryView title={t('form.errorSummary')} errors={error ? [{ message: error }] : []} />
      <p>{t('proof.questions.intro', { needed: questions.answersNeeded, more: questions.moreAnswers })}</p>
      <StatusFormFields token={token} lang={lang} />
      {IDENTITY_QUESTIONS.map((question) => (
        <TextField
          key={question.key}
          marks={marks}
          id={`identity-${question.key}`}
          label={t(`proof.question.${question.key}.label`)}
          hint={t(`proof.question.${question.key}.hint`)}
          registration={{ name: question.key }}
          autoComplete="off"
          defaultValue=""
          maxLength={200}
        />
      ))}
      <button type="submit" className="button">
        {t('proof.questions.button')}
      </button>
    </form>
  );
}
