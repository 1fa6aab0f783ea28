'use client';

import { useEffect, useRef } from 'react';

export type SummaryError = { message: string; fieldId?: string };

/**
 * The list of problems at the top of a form after a failed submit. It takes focus once for each
 * new `focusKey` (one per submit), so keyboard and screen-reader users land on it; each item links to its field.
 */
export function ErrorSummary({ errors, focusKey }: { errors: SummaryError[]; focusKey: unknown }) {
  const ref = useRef<HTMLDivElement>(null);
  const focusedFor = useRef<unknown>(undefined);
  // Runs after every render: the errors may arrive a render after the key changes (react-hook-form).
  useEffect(() => {
    if (!ref.current || Object.is(focusedFor.current, focusKey)) return;
    focusedFor.current = focusKey;
    ref.current.focus();
  });

  if (errors.length === 0) return null;
  return (
    // autoFocus: without JavaScript, the page that comes back from a failed submit opens on the summary.
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref} autoFocus>
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {errors.map((error, index) => (
          <li key={`${error.fieldId ?? 'form'}-${index}`}>
            {error.fieldId ? <a href={`#${error.fieldId}`}>{error.message}</a> : error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
