/**
 * The request form's fields and how they become the input of `newRequestSchema`. The browser
 * (react-hook-form) and the server action both go through `toRequestInput`, so they parse the same thing.
 */
import { REQUEST_TYPES } from '@/lib/requests/codes';

export type RequestFormValues = {
  onBehalf: boolean;
  agent: { name: string; email: string };
  email: string;
  name: string;
  accountEmail: string;
  jurisdiction: string;
  types: string[];
  details: string;
  confirm: boolean;
};

export type RequestFormState = {
  values: RequestFormValues;
  fieldErrors: Record<string, string[]>;
  formError?: string;
  /** Grows with every answer from the server, so the error summary takes focus again. */
  attempt: number;
  /** A fresh signed "form served at" stamp, when the one sent back was missing or forged. */
  formStartedAt?: string;
};

export const emptyRequestForm: RequestFormValues = {
  onBehalf: false,
  agent: { name: '', email: '' },
  email: '',
  name: '',
  accountEmail: '',
  jurisdiction: '',
  types: [],
  details: '',
  confirm: false,
};

/** Fields in the order the form shows them: the error summary lists problems in this order. */
export const REQUEST_FIELD_PATHS = [
  'agent.name',
  'agent.email',
  'email',
  'name',
  'accountEmail',
  'jurisdiction',
  'types',
  'details',
  'confirm',
] as const;
export type RequestFieldPath = (typeof REQUEST_FIELD_PATHS)[number];

/** The id of the element an error about `path` points to ("types" points to its first checkbox). */
export function fieldId(path: RequestFieldPath | 'onBehalf'): string {
  if (path === 'types') return `field-types-${REQUEST_TYPES[0]}`;
  return `field-${path.replace('.', '-')}`;
}

export function readRequestForm(formData: FormData): RequestFormValues {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === 'string' ? value : '';
  };
  return {
    onBehalf: formData.get('onBehalf') === 'on',
    agent: { name: text('agent.name'), email: text('agent.email') },
    email: text('email'),
    name: text('name'),
    accountEmail: text('accountEmail'),
    jurisdiction: text('jurisdiction'),
    types: formData.getAll('types').filter((t): t is string => typeof t === 'string'),
    details: text('details'),
    confirm: formData.get('confirm') === 'on',
  };
}

/** The agent counts only while its box is ticked; its fields may still hold text from before. */
export function toRequestInput(values: RequestFormValues) {
  const { onBehalf, agent, ...rest } = values;
  return onBehalf ? { ...rest, agent } : rest;
}
