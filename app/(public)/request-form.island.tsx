/**
 * The request form's browser entry, bundled on its own by scripts/build-islands.ts (not by Next.js):
 * React, react-hook-form and the form, and nothing of the App Router. It hydrates the HTML that
 * app/(public)/request-form-page.tsx rendered, from the props the page carries as JSON.
 */
import { hydrateRoot } from 'react-dom/client';
import { RequestForm } from './request-form';
import { readRequestForm, REQUEST_FORM_ISLAND, type RequestFormProps } from './request-form-values';

const container = document.getElementById(REQUEST_FORM_ISLAND.container);
const propsScript = document.getElementById(REQUEST_FORM_ISLAND.props);
const formElement = container?.querySelector('form');
if (container && propsScript && formElement) {
  const props = JSON.parse(propsScript.textContent ?? '') as RequestFormProps;
  hydrateRoot(container, <RequestForm {...props} typedValues={readRequestForm(new FormData(formElement))} />);
}
