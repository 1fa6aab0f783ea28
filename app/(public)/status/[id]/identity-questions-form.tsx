import { ErrorSummaryView } from '@/app/components/error-summary-view';
import { TextField } from '@/app/components/form-fields';
import type { PublicRequestStatus } from '@/lib/requests/get-request-status';
import { IDENTITY_QUESTIONS } from '@/lib/verification/identity-questions';
import { NOTICES, type NoticeKey } from '../../notices';

const plural = (n: number) => `${n} answer${n === 1 ? '' : 's'}`;

/**
 * Data-point matching: the same questions for every request, whatever its address, so the page
 * never tells whether an account exists. Every answer is optional; the form says how many must
 * match, never which did not. Fields are empty after each post: nothing typed comes back.
 */
export function IdentityQuestionsForm({
  requestId,
  token,
  questions,
  notice,
}: {
  requestId: string;
  token: string;
  questions: PublicRequestStatus['verification']['questions'];
  notice?: NoticeKey;
}) {
  const error = notice && NOTICES[notice].tone === 'error' ? NOTICES[notice].message : undefined;
  if (questions.locked)
    return (
      <section aria-labelledby="identity-questions-title">
        <h3 id="identity-questions-title">Questions about your account</h3>
        <div className="notice notice--error" role="status">
          <p>{NOTICES['identity-locked'].message}</p>
        </div>
      </section>
    );
  if (!questions.offered) return null;
  return (
    <form
      action={`/status/${requestId}/identity-questions`}
      method="post"
      noValidate
      autoComplete="off"
      aria-labelledby="identity-questions-title"
    >
      <h3 id="identity-questions-title">Questions about your account</h3>
      <ErrorSummaryView errors={error ? [{ message: error }] : []} />
      <p>
        Answer as many of these as you can, all on this form: we compare them with the records of the account under the
        email address you confirmed, and need {plural(questions.answersNeeded)} that match. So far we still need{' '}
        {plural(questions.moreAnswers)} more than your best form. We do not say which answers did not match, we do not
        keep what you type, and we stop asking after too many forms that do not match.
      </p>
      <input type="hidden" name="token" value={token} />
      {IDENTITY_QUESTIONS.map((question) => (
        <TextField
          key={question.key}
          id={`identity-${question.key}`}
          label={question.label}
          hint={question.hint}
          registration={{ name: question.key }}
          autoComplete="off"
          defaultValue=""
          maxLength={200}
        />
      ))}
      <button type="submit" className="button">
        Check my answers
      </button>
    </form>
  );
}
