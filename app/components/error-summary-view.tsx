import type { Ref } from 'react';

export type SummaryError = { message: string; fieldId?: string };

/**
 * The list of problems at the top of a form after a failed submit; each item links to its field.
 * `autoFocus`: a page that comes back from a failed post (no JavaScript needed) opens on it. Pages
 * that hydrate use `ErrorSummary`, which also moves focus here after each submit in place.
 */
export function ErrorSummaryView({
  errors,
  ref,
  title,
}: {
  errors: SummaryError[];
  ref?: Ref<HTMLDivElement>;
  /** Its heading, in the page's language (`t('form.errorSummary')`): required, so no page shows English by default. */
  title: string;
}) {
  if (errors.length === 0) return null;
  return (
    // biome-ignore lint/a11y/noAutofocus: focus moves to the summary of errors after a failed submit, as the GOV.UK pattern does
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref} autoFocus>
      <h2 id="error-summary-title">{title}</h2>
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
