'use client';

import { useEffect, useRef } from 'react';
import { ErrorSummaryView, type SummaryError } from './error-summary-view';

export type { SummaryError };

/**
 * The error summary of a page that hydrates. It takes focus once for each new `focusKey` (one per
 * submit), so keyboard and screen-reader users land on it.
 */
export function ErrorSummary({
  errors,
  focusKey,
  title,
}: {
  errors: SummaryError[];
  focusKey: unknown;
  /** Its heading, in the page's language. */
  title: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const focusedFor = useRef<unknown>(undefined);
  // Runs after every render: the errors may arrive a render after the key changes (react-hook-form).
  useEffect(() => {
    if (!ref.current || Object.is(focusedFor.current, focusKey)) return;
    focusedFor.current = focusKey;
    ref.current.focus();
  });
  return <ErrorSummaryView errors={errors} ref={ref} title={title} />;
}
