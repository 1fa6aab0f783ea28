'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/app/components/error-summary';
import { FieldError } from '@/app/components/field-error';
import { SubmitButton } from '@/app/components/submit-button';
import { appealFromStatusPage, type AppealState } from './actions';

const initialState: AppealState = {};

/** A denied requester appeals, within the regime's window. Works without JavaScript. */
export function AppealForm({ requestId, token, closesOn }: { requestId: string; token: string; closesOn: string }) {
  const [state, formAction] = useActionState(appealFromStatusPage, initialState);
  const fieldErrors = state.fieldError ? [state.fieldError] : undefined;
  return (
    <form action={formAction} noValidate aria-labelledby="appeal-title">
      <h2 id="appeal-title">Appeal our decision</h2>
      <ErrorSummary errors={state.error ? [{ message: state.error, fieldId: state.fieldError ? 'appeal-statement' : undefined }] : []} focusKey={state} />
      <p>
        If you disagree with our decision, you can appeal until {closesOn}. Someone who did not make the original decision will
        review it, and we will tell you the outcome and our reasons.
      </p>
      <input type="hidden" name="requestId" value={requestId} />
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
      <SubmitButton pendingLabel="Sending…">Send my appeal</SubmitButton>
    </form>
  );
}
