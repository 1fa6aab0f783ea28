'use client';

import { useActionState } from 'react';
import { SubmitButton } from './submit-button';

export type ResendState = { status: 'idle' } | { status: 'sent'; message: string } | { status: 'error'; message: string };

/**
 * "Send the email again": posts its hidden fields to a server action and shows what happened.
 * Works without JavaScript: the page re-renders with the action's result.
 */
export function ResendLinkForm({
  action,
  hiddenFields,
  buttonLabel,
}: {
  action: (state: ResendState, formData: FormData) => Promise<ResendState>;
  hiddenFields: Record<string, string>;
  buttonLabel: string;
}) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  return (
    <form action={formAction}>
      {Object.entries(hiddenFields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div role="status" aria-live="polite">
        {state.status === 'sent' && (
          <div className="notice notice--success">
            <p>{state.message}</p>
          </div>
        )}
      </div>
      <div role="alert">
        {state.status === 'error' && (
          <div className="notice notice--error">
            <p>{state.message}</p>
          </div>
        )}
      </div>
      <SubmitButton variant="secondary" pendingLabel="Sending…">
        {buttonLabel}
      </SubmitButton>
    </form>
  );
}
