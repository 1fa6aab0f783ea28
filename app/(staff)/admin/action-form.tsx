'use client';

/**
 * A staff form that works without JavaScript: its `action` is the server action itself, so before
 * (or without) hydration the browser posts it and Next renders the page with the action's result
 * (React's progressive enhancement of `useActionState`). Once hydrated, `onSubmit` runs the same
 * action in a transition instead, so a refused form keeps what was typed; a successful one clears.
 * Unlike `useStaffForms`, its buttons are never disabled while the page hydrates.
 */
import { startTransition, useActionState, useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import type { ActionResult } from '@/lib/auth/staff-action';
import type { StaffFormAction } from './staff-form';

export function useActionForm(action: StaffFormAction, options: { resetOnSuccess?: boolean } = {}) {
  const [result, formAction, pending] = useActionState<ActionResult<unknown> | null, FormData>(action, null);
  const formRef = useRef<HTMLFormElement | null>(null);
  useEffect(() => {
    if (result?.ok && options.resetOnSuccess) formRef.current?.reset();
  }, [result, options.resetOnSuccess]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(formData));
  };
  const errors = (field: string) => (result && !result.ok ? result.fields?.[field] : undefined);
  return { result, formAction, pending, onSubmit, formRef, errors };
}

/** The result of the form's last action: a polite status for success, an alert for a refusal. */
export function FormResult({ result }: { result: ActionResult<unknown> | null }): ReactNode {
  return (
    <>
      <div role="status" className={result?.ok && result.message ? 'admin-notice admin-notice--success' : undefined}>
        {result?.ok ? result.message : null}
      </div>
      {result && !result.ok && (
        <div role="alert" className="admin-notice admin-notice--error">
          <p>{result.error}</p>
          {result.fields && Object.keys(result.fields).length > 0 && (
            <p className="admin-hint">See the fields marked below.</p>
          )}
        </div>
      )}
    </>
  );
}
