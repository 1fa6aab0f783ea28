'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/app/components/error-summary';
import { FieldError } from '@/app/components/field-error';
import { SubmitButton } from '@/app/components/submit-button';
import { replyFromStatusPage, type ReplyState } from './actions';

const initialState: ReplyState = {};

/** Our question and the requester's answer, which restarts the clock. Works without JavaScript. */
export function ReplyForm({ requestId, token, question }: { requestId: string; token: string; question: string }) {
  const [state, formAction] = useActionState(replyFromStatusPage, initialState);
  const fieldErrors = state.fieldError ? [state.fieldError] : undefined;
  return (
    <form action={formAction} noValidate aria-labelledby="reply-title">
      <h2 id="reply-title">We need something from you</h2>
      <ErrorSummary errors={state.error ? [{ message: state.error, fieldId: state.fieldError ? 'reply-message' : undefined }] : []} focusKey={state} />
      <blockquote className="question">{question}</blockquote>
      <input type="hidden" name="requestId" value={requestId} />
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
      <SubmitButton pendingLabel="Sending…">Send my answer</SubmitButton>
    </form>
  );
}
