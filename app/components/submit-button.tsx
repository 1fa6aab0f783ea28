'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

/** A form's submit button that says it is working while the form's action runs. */
export function SubmitButton({
  children,
  pendingLabel,
  variant = 'primary',
}: {
  children: ReactNode;
  pendingLabel: string;
  variant?: 'primary' | 'secondary' | 'warning';
}) {
  const { pending } = useFormStatus();
  const className = variant === 'primary' ? 'button' : `button button--${variant}`;
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : children}
    </button>
  );
}
