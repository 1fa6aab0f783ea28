import { ErrorSummaryView } from '@/app/components/error-summary-view';
import { FieldError } from '@/app/components/field-error';
import { NOTICES, type NoticeKey } from '../../notices';

/**
 * A denied requester appeals, within the regime's window. Posts to a route handler (post/redirect/get),
 * like every form on a token page, so it works without JavaScript under `no-referrer`.
 */
export function AppealForm({
  requestId,
  token,
  closesOn,
  notice,
}: {
  requestId: string;
  token: string;
  /** The last day to appeal; null where the regime's rules set no limit (appealWindowDays null). */
  closesOn: string | null;
  notice?: NoticeKey;
}) {
  const error = notice && NOTICES[notice].tone === 'error' ? NOTICES[notice].message : undefined;
  const fieldErrors =
    notice === 'appeal-too-short' || notice === 'appeal-too-long' ? [NOTICES[notice].message] : undefined;
  return (
    <form action={`/status/${requestId}/appeal`} method="post" noValidate aria-labelledby="appeal-title">
      <h2 id="appeal-title">Appeal our decision</h2>
      <ErrorSummaryView
        errors={error ? [{ message: error, fieldId: fieldErrors ? 'appeal-statement' : undefined }] : []}
      />
      <p>
        If you disagree with our decision, you can appeal{closesOn ? ` until ${closesOn}` : ''}. Someone who did not
        make the original decision will review it, and we will tell you the outcome and our reasons.
      </p>
      <input type="hidden" name="token" value={token} />
      <div className={fieldErrors ? 'field field--error' : 'field'}>
        <label htmlFor="appeal-statement">Why do you disagree?</label>
        <FieldError id="appeal-statement-error" messages={fieldErrors} />
        <textarea
          id="appeal-statement"
          name="statement"
          rows={5}
          maxLength={5000}
          required
          aria-invalid={fieldErrors ? true : undefined}
          aria-describedby={fieldErrors ? 'appeal-statement-error' : undefined}
        />
      </div>
      <button type="submit" className="button">
        Send my appeal
      </button>
    </form>
  );
}
