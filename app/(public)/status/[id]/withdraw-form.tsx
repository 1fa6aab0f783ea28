import { ErrorSummaryView } from '@/app/components/error-summary-view';
import { FieldError } from '@/app/components/field-error';
import { NOTICES, type NoticeKey } from '../../notices';

/** Withdrawing needs a ticked "Yes, withdraw" box, so one stray click (or keypress) cannot do it. */
export function WithdrawForm({ requestId, token, notice }: { requestId: string; token: string; notice?: NoticeKey }) {
  const error = notice && NOTICES[notice].tone === 'error' ? NOTICES[notice].message : undefined;
  const boxError = notice === 'confirm-withdraw' && error ? [error] : undefined;
  return (
    <form action={`/status/${requestId}/withdraw`} method="post" noValidate aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">Withdraw this request</h2>
      <ErrorSummaryView
        errors={error ? [{ message: error, fieldId: boxError ? 'confirm-withdraw' : undefined }] : []}
      />
      <p>
        If you no longer want us to act on this request, you can withdraw it. We will stop working on it and close it.
        You cannot reopen a withdrawn request, but you can always make a new one.
      </p>
      <input type="hidden" name="token" value={token} />
      <div className={boxError ? 'field field--error' : 'field'}>
        <FieldError id="confirm-withdraw-error" messages={boxError} />
        <div className="choice">
          <input
            id="confirm-withdraw"
            type="checkbox"
            name="confirmWithdraw"
            required
            aria-invalid={boxError ? true : undefined}
            aria-describedby={boxError ? 'confirm-withdraw-error' : undefined}
          />
          <label htmlFor="confirm-withdraw">Yes, withdraw this request</label>
        </div>
      </div>
      <button type="submit" className="button button--warning">
        Withdraw my request
      </button>
    </form>
  );
}
