/**
 * The request form's fields and how they become the input of `newRequestSchema`. The browser
 * (react-hook-form) and the server both go through `toRequestInput`, so they parse the same thing.
 */
import { REQUEST_TYPES } from '@/lib/universal/codes';
import { LOCALE_FIELD, type DisplayLocale } from '@/lib/universal/i18n/locales';
import type { Messages } from '@/lib/universal/i18n/translator';

export type RequestFormValues = {
  onBehalf: boolean;
  agent: { name: string; email: string; authorization: string };
  email: string;
  name: string;
  accountEmail: string;
  jurisdiction: string;
  types: string[];
  details: string;
  confirm: boolean;
  /** The page's language, which the request is filed in (a hidden field). */
  locale: string;
};

/** What the server answered to the last post (nothing yet on a fresh form). */
export type RequestFormState = {
  values: RequestFormValues;
  fieldErrors: Record<string, string[]>;
  formError?: string;
};

/**
 * Everything the form renders from: the server renders it to HTML with these props, and the browser
 * hydrates it with the same props (sent as JSON in the page), so both draw the same markup.
 */
export type RequestFormProps = {
  /** The page's language and its messages that the form shows (only these reach the browser). */
  locale: DisplayLocale;
  messages: Messages;
  companyName: string;
  /** SELLS_OR_SHARES_PERSONAL_INFORMATION, for what the opt-out of sale/sharing says. */
  sellsOrShares: boolean;
  /** The signed "form served at" stamp (lib/abuse/form-guard.ts). */
  formStartedAt: string;
  state: RequestFormState;
};

/** The page's element ids the browser entry (request-form.island.tsx) finds the form and its props by. */
export const REQUEST_FORM_ISLAND = { container: 'request-form', props: 'request-form-props' } as const;

export const emptyRequestForm: RequestFormValues = {
  onBehalf: false,
  agent: { name: '', email: '', authorization: '' },
  email: '',
  name: '',
  accountEmail: '',
  jurisdiction: '',
  types: [],
  details: '',
  confirm: false,
  locale: '',
};

/** The catalog keys the form's island is sent: its own words, the codes' names and the schema's messages. */
export const REQUEST_FORM_MESSAGES = ['form.', 'codes.', 'validation.'] as const;

/** Fields in the order the form shows them: the error summary lists problems in this order. */
export const REQUEST_FIELD_PATHS = [
  'agent.name',
  'agent.email',
  'agent.authorization',
  'agent.document',
  'email',
  'name',
  'accountEmail',
  'jurisdiction',
  'types',
  'details',
  'confirm',
] as const;
export type RequestFieldPath = (typeof REQUEST_FIELD_PATHS)[number];
/** Every field's name, as the form posts it and react-hook-form registers it (the file goes unregistered). */
export type RequestFieldName = Exclude<RequestFieldPath, 'agent.document'> | 'onBehalf';

/** The id of the element an error about `path` points to ("types" points to its first checkbox). */
export function fieldId(path: RequestFieldName | 'agent.document'): string {
  if (path === 'types') return `field-types-${REQUEST_TYPES[0]}`;
  if (path === 'agent.authorization') return 'field-agent-authorization-signed_permission';
  return `field-${path.replace('.', '-')}`;
}

export function readRequestForm(formData: FormData): RequestFormValues {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === 'string' ? value : '';
  };
  return {
    onBehalf: formData.get('onBehalf') === 'on',
    agent: { name: text('agent.name'), email: text('agent.email'), authorization: text('agent.authorization') },
    email: text('email'),
    name: text('name'),
    accountEmail: text('accountEmail'),
    jurisdiction: text('jurisdiction'),
    types: formData.getAll('types').filter((t): t is string => typeof t === 'string'),
    details: text('details'),
    confirm: formData.get('confirm') === 'on',
    locale: text(LOCALE_FIELD),
  };
}

/** The agent's proof as posted (multipart): a file, or nothing when no file was chosen. */
export function readAgentDocument(formData: FormData): File | null {
  const file = formData.get('agent.document');
  return typeof file === 'object' && file !== null && file.size > 0 ? file : null;
}

/**
 * The agent counts only while its box is ticked; its fields may still hold text from before. An
 * unchosen kind of proof is left out, so the schema says it is missing.
 */
export function toRequestInput(values: RequestFormValues) {
  const { onBehalf, agent, locale, ...rest } = values;
  const { authorization, ...who } = agent;
  // The pseudo-locale is for looking at pages, never a request's language: such a request is filed in English.
  const filed = { ...rest, ...(locale && locale !== 'en-XA' ? { locale } : {}) };
  return onBehalf ? { ...filed, agent: authorization ? { ...who, authorization } : who } : filed;
}
