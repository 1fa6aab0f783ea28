import { ErrorSummaryView } from '@/app/components/error-summary-view';
import { islandScripts } from '@/app/components/islands';
import { staticPage } from '@/app/components/static-page';
import { env } from '@/lib/env';
import { translatorFor } from '@/lib/i18n/catalogs';
import { durationLabel } from '@/lib/universal/i18n/code-labels';
import { normaliseErrorPaths, summaryErrors } from './request-form-errors';
import { REQUEST_FORM_ISLAND, type RequestFormProps } from './request-form-values';
import { registerByName, RequestFormView } from './request-form-view';
import { RightsIntro } from './rights-intro';

/** JSON inside a <script> element: `<` escaped, so no value can close the element or open a comment. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The request form page (GET /, and the answer to a refused POST /): plain HTML from a route handler,
 * plus the form's island (request-form.island.tsx) that hydrates it. The form is rendered here with
 * `renderToString` (not static markup: hydration needs React's text separators) from the same props
 * the island reads back from the JSON beside it, so both render the same markup. Without JavaScript
 * it is a complete page whose form posts to the server.
 */
export async function requestFormPage({
  props,
  path,
  nonce,
  status = 200,
  headers,
}: {
  props: RequestFormProps;
  /** The page's path and query, for the language switcher. */
  path: string;
  /** The response's CSP nonce (proxy.ts puts it on the request as `x-nonce`). */
  nonce: string | null;
  status?: number;
  headers?: Record<string, string>;
}): Promise<Response> {
  const { renderToString } = await import('react-dom/server');
  const { COMPANY_NAME, verificationTtlHours } = env();
  const errors = normaliseErrorPaths(props.state.fieldErrors);
  const t = translatorFor(props.locale);
  const form = renderToString(
    <RequestFormView
      t={t}
      companyName={props.companyName}
      sellsOrShares={props.sellsOrShares}
      formStartedAt={props.formStartedAt}
      values={props.state.values}
      errors={errors}
      summary={
        <ErrorSummaryView errors={summaryErrors(errors, props.state.formError)} title={t('form.errorSummary')} />
      }
      register={registerByName}
      pending={false}
    />,
  );
  return staticPage({
    locale: props.locale,
    path,
    status,
    headers,
    secretUrl: false,
    scripts: { sources: islandScripts('request-form'), nonce },
    children: (
      <>
        <h1>{t('form.pageTitle', { company: COMPANY_NAME })}</h1>
        <RightsIntro
          t={t}
          companyName={COMPANY_NAME}
          sellsOrShares={props.sellsOrShares}
          verificationLifetime={durationLabel(t, verificationTtlHours)}
        />
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the form's own server render, which the island hydrates */}
        <div id={REQUEST_FORM_ISLAND.container} dangerouslySetInnerHTML={{ __html: form }} />
        <script
          id={REQUEST_FORM_ISLAND.props}
          type="application/json"
          nonce={nonce ?? undefined}
          // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON escaped for a script element by scriptJson
          dangerouslySetInnerHTML={{ __html: scriptJson(props) }}
        />
      </>
    ),
  });
}
