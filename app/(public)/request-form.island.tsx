/**
 * The request form's browser entry, bundled on its own by scripts/build-islands.ts (not by Next.js):
 * React, react-hook-form and the form, and nothing of the App Router. It hydrates the HTML that
 * app/(public)/request-form-page.tsx rendered, from the props the page carries as JSON.
 */
import { startTransition } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { GPC_FORM_FIELD } from '@/lib/universal/gpc';
import { RequestForm } from './request-form';
import { readRequestForm, REQUEST_FORM_ISLAND, type RequestFormProps } from './request-form-values';

const container = document.getElementById(REQUEST_FORM_ISLAND.container);
const propsScript = document.getElementById(REQUEST_FORM_ISLAND.props);
const formElement = container?.querySelector('form');
if (container && propsScript && formElement) {
  const props = JSON.parse(propsScript.textContent ?? '') as RequestFormProps;
  // Hydrated as a transition, React works in slices of a few milliseconds and yields to the browser
  // between them (as Next.js hydrates its own pages): no long task blocks typing or scrolling, and
  // the form, complete and working without script, stays usable throughout.
  startTransition(() => {
    hydrateRoot(container, <RequestForm {...props} typedValues={readRequestForm(new FormData(formElement))} />);
  });
  honorScriptGpc(formElement);
}

/**
 * Global Privacy Control as script sees it (navigator.globalPrivacyControl), for a browser that sets
 * it without the Sec-GPC header: the form's post carries it as a field, and the footer says it was
 * detected. Outside React's root, so hydration is untouched.
 */
function honorScriptGpc(form: HTMLFormElement) {
  if ((navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl !== true) return;
  form.addEventListener('formdata', (event) => event.formData.set(GPC_FORM_FIELD, '1'));
  const status = document.querySelector<HTMLElement>('[data-gpc-status]');
  // The footer carries the sentence in the page's language.
  if (status?.dataset.gpcHonoredText) status.textContent = status.dataset.gpcHonoredText;
}
