import { ErrorSummaryView } from '@/app/components/error-summary-view';
import { FieldError } from '@/app/components/field-error';
import { NOTICES, type NoticeKey } from '../../notices';

/**
 * A complaint about how we handle the requester's personal data (UK DPA 2018 s.164A(2): a form that can
 * be completed electronically), offered on every status page whatever the regime. Posts to a route
 * handler (post/redirect/get), like every form on a token page, so it works without JavaScript.
 */
export function ComplaintForm({
  requestId,
  token,
  authority,
  notice,
}: {
  requestId: string;
  token: string;
  authority: string | null;
  notice?: NoticeKey;
}) {
  const error = notice && NOTICES[notice].tone === 'error' ? NOTICES[notice].message : undefined;
  const fieldErrors =
    notice === 'complaint-too-short' || notice === 'complaint-too-long' ? [NOTICES[notice].message] : undefined;
  return (
    <form action={`/status/${requestId}/complaint`} method="post" noValidate aria-labelledby="complaint-title">
      <h2 id="complaint-title">Make a complaint</h2>
      <ErrorSummaryView
        errors={error ? [{ message: error, fieldId: fieldErrors ? 'complaint-statement' : undefined }] : []}
      />
      <p>
        If you think we have not handled your personal data as the law requires, in this request or otherwise, tell us.
        We will acknowledge your complaint by email at once, look into it, and tell you the outcome.
      </p>
      {authority && <p className="hint">{authority}</p>}
      <input type="hidden" name="token" value={token} />
      <div className={fieldErrors ? 'field field--error' : 'field'}>
        <label htmlFor="complaint-statement">What is your complaint about?</label>
        <FieldError id="complaint-statement-error" messages={fieldErrors} />
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
        Send my complaint
      </button>
    </form>
  );
}
