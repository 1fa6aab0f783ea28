'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/app/components/error-summary';
import { FieldError } from '@/app/components/field-error';
import { SubmitButton } from '@/app/components/submit-button';
import { withdrawFromStatusPage, type WithdrawState } from './actions';

const initialState: WithdrawState = {};

/** Withdrawing needs a ticked "Yes, withdraw" box, so one stray click (or keypress) cannot do it. */
export function WithdrawForm({ requestId, token }: { requestId: string; token: string }) {
  const [state, formAction] = useActionState(withdrawFromStatusPage, initialState);
  const boxError = state.needsConfirmation ? [state.error ?? ''] : undefined;
  return (
    <form action={formAction} noValidate aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">Withdraw this request</h2>
      <ErrorSummary
        errors={state.error ? [{ message: state.error, fieldId: state.needsConfirmation ? 'confirm-withdraw' : undefined }] : []}
        focusKey={state}
      />
      <p>
        If you no longer want us to act on this request, you can withdraw it. We will stop working on it and close it.
        You cannot reopen a withdrawn request, but you can always make a new one.
      </p>
      <input type="hidden" name="requestId" value={requestId} />
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
      <SubmitButton variant="warning" pendingLabel="Withdrawing…">
        Withdraw my request
      </SubmitButton>
    </form>
  );
}
