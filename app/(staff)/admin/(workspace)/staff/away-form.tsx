'use client';

import { FieldError } from '@/app/components/field-error';
import { FormResult, useActionForm } from '../../action-form';
import { setStaffAwayAction } from '../../rule-actions';

/** Someone's leave: their last day away (assignment rules that skip people on leave pass over them); empty: here. */
export function AwayForm({ userId, who, lastDayAway }: { userId: string; who: string; lastDayAway: string | null }) {
  const form = useActionForm(setStaffAwayAction);
  const errors = form.errors('awayUntil');
  const id = `away-${userId}`;
  return (
    <form action={form.formAction} onSubmit={form.onSubmit} noValidate className="admin-inline-form">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id}>Last day away</label>
      <FieldError id={`${id}-error`} messages={errors} />
      <input
        id={id}
        name="awayUntil"
        type="date"
        defaultValue={lastDayAway ?? ''}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
      />
      <button
        type="submit"
        className="admin-button admin-button--secondary"
        aria-label={`Save the leave of ${who}`}
        disabled={form.pending}
      >
        Save
      </button>
      <FormResult result={form.result} />
    </form>
  );
}
