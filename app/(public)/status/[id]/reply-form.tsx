import { ErrorSummaryView } from '@/app/components/error-summary-view';
import { FieldError } from '@/app/components/field-error';
import { NOTICES, type NoticeKey } from '../../notices';

/** Our question and the requester's answer, which restarts the clock. Works without JavaScript. */
export function ReplyForm({
  requestId,
  token,
  question,
  notice,
}: {
  requestId: string;
  token: string;
  question: string;
  notice?: NoticeKey;
}) {
  const error = notice && NOTICES[notice].tone === 'error' ? NOTICES[notice].message : undefined;
  const fieldErrors = notice === 'answer-empty' || notice === 'answer-too-long' ? [NOTICES[notice].message] : undefined;
  return (
    <form action={`/status/${requestId}/reply`} method="post" noValidate aria-labelledby="reply-title">
      <h2 id="reply-title">We need something from you</h2>
      <ErrorSummaryView
        errors={error ? [{ message: error, fieldId: fieldErrors ? 'reply-message' : undefined }] : []}
      />
      <blockquote className="question">{question}</blockquote>
      <input type="hidden" name="token" value={token} />
      <div className={fieldErrors ? 'field field--error' : 'field'}>
        <label htmlFor="reply-message">Your answer</label>
        <FieldError id="reply-message-error" messages={fieldErrors} />
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
        Send my answer
      </button>
    </form>
  );
}
