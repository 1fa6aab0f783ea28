import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { createTranslator } from '@/lib/universal/i18n/translator';
import { ErrorSummary } from '@/app/components/error-summary';
import { normaliseErrorPaths, summaryErrors } from './request-form-errors';
import { REQUEST_FORM_ISLAND, type RequestFormProps, type RequestFormValues } from './request-form-values';
import { RequestFormView } from './request-form-view';
import { flattenClientErrors, preloadRequestSchema, useRequestForm } from './use-request-form';

/** The first focus in the form fetches the checks, so they are there by the time of the first submit. */
const warmUpValidation = () => void preloadRequestSchema().catch(() => undefined);

/**
 * The request form in the browser (an island: app/(public)/request-form.island.tsx hydrates it into
 * the server's HTML). It first renders exactly what the server rendered from the same props; then a
 * submit is checked against the shared schema by react-hook-form. Invalid: the errors show and the
 * summary takes focus, nothing is sent. Valid: the form posts natively to `/`, the one server path
 * that also serves browsers without JavaScript, and the server checks again.
 *
 * `typedValues`: what the fields held when the script arrived (the requester may have started
 * typing). react-hook-form writes its default values into the fields it registers, so it starts
 * from these rather than from the server's.
 */
export function RequestForm({
  locale,
  messages,
  companyName,
  sellsOrShares,
  formStartedAt,
  state,
  typedValues,
}: RequestFormProps & { typedValues: RequestFormValues }) {
  const t = useMemo(() => createTranslator(locale, messages), [locale, messages]);
  const [pending, setPending] = useState(false);
  const [clientAttempts, setClientAttempts] = useState(0);
  const [showClientErrors, setShowClientErrors] = useState(false);
  const form = useRequestForm(typedValues);
  // The schema's messages are keys, put into words as the server does (lib/universal/i18n/validation.ts).
  const clientErrors = flattenClientErrors(form.formState.errors, t);

  const errors = showClientErrors ? clientErrors : normaliseErrorPaths(state.fieldErrors);
  const summary = summaryErrors(errors, showClientErrors ? undefined : state.formError);

  // Hydrated: the container says so (for the tests, and any style that needs to know), outside React's tree.
  useEffect(() => {
    document.getElementById(REQUEST_FORM_ISLAND.container)?.setAttribute('data-ready', '');
  }, []);

  // Back to this page from the next one (back/forward cache): the form is usable again.
  useEffect(() => {
    const reset = (event: PageTransitionEvent) => event.persisted && setPending(false);
    window.addEventListener('pageshow', reset);
    return () => window.removeEventListener('pageshow', reset);
  }, []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const element = event.currentTarget;
    void form.handleSubmit(
      () => {
        setShowClientErrors(false);
        setPending(true);
        // A plain post, as without JavaScript: the page that comes back is the next step or the server's errors.
        element.submit();
      },
      () => {
        setShowClientErrors(true);
        setClientAttempts((n) => n + 1);
      },
    )(event);
  }

  return (
    <RequestFormView
      t={t}
      companyName={companyName}
      sellsOrShares={sellsOrShares}
      formStartedAt={formStartedAt}
      values={state.values}
      errors={errors}
      summary={<ErrorSummary errors={summary} focusKey={clientAttempts} title={t('form.errorSummary')} />}
      register={form.register}
      pending={pending}
      onSubmit={onSubmit}
      onFocus={warmUpValidation}
    />
  );
}
