/**
 * The one schema for a new request: the form (react-hook-form + zodResolver), the server action and
 * the JSON API all parse with it, so a rule can never differ between them.
 */
import { z } from 'zod';
import { JURISDICTIONS, REQUEST_TYPES } from './codes';

/** Letters, marks, digits, punctuation, spaces and line breaks; no control or bidi-override characters. */
const SAFE_TEXT = /^[^\p{Cc}\p{Cs}\p{Co}\u202A-\u202E\u2066-\u2069]*$/u;
const SAFE_MULTILINE = /^(?:[^\p{Cc}\p{Cs}\p{Co}\u202A-\u202E\u2066-\u2069]|[\n\r\t])*$/u;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .regex(SAFE_TEXT, `${label} contains characters we cannot accept`);

const email = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(254, `${label} must be at most 254 characters`)
    .pipe(z.email({ error: `${label} must be a valid email address, like name@example.com` }))
    .transform((v) => v.toLowerCase());

/** An optional text field: empty strings from a form mean "not given". */
const optional = <T extends z.ZodType>(inner: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), inner.optional());

const newRequestFields = z
  .object({
    email: email('Email'),
    name: optional(text('Full name', 200)),
    accountEmail: optional(email('Account email')),
    types: z
      .array(z.enum(REQUEST_TYPES, { error: 'Choose from the listed request types' }), {
        error: 'Choose at least one request type',
      })
      .min(1, 'Choose at least one request type')
      .max(REQUEST_TYPES.length)
      .refine((t) => new Set(t).size === t.length, 'Each request type can be chosen once'),
    jurisdiction: z.enum(JURISDICTIONS, { error: 'Choose where you live from the list' }),
    details: optional(
      z
        .string({ error: 'Details must be text' })
        .trim()
        .max(5000, 'Details must be at most 5,000 characters')
        .regex(SAFE_MULTILINE, 'Details contain characters we cannot accept'),
    ),
    agent: z
      .object(
        {
          name: text('Agent name', 200).min(1, 'Agent name is required'),
          email: email('Agent email'),
        },
        { error: 'Agent must have a name and an email' },
      )
      .strict()
      .optional(),
    confirm: z.literal(true, { error: 'Please confirm that the information is accurate' }),
  })
  .strict();

const correctionFields = newRequestFields.pick({ types: true, details: true }).loose();
const agentFields = newRequestFields.pick({ email: true, agent: true }).loose();

/**
 * Cross-field rules run whenever the fields they read are valid, even if others are not, so that the
 * requester sees every problem after one submit instead of discovering these on the second.
 */
export const newRequestSchema = newRequestFields
  .refine((value) => !value.types.includes('correction') || Boolean(value.details), {
    path: ['details'],
    message: 'For a correction, tell us what is wrong and what it should be',
    when: (payload) => correctionFields.safeParse(payload.value).success,
  })
  .refine((value) => !value.agent || value.agent.email !== value.email, {
    path: ['agent', 'email'],
    message: "The agent's email must differ from the email of the person the request is about",
    when: (payload) => agentFields.safeParse(payload.value).success,
  });

export type NewRequestInput = z.input<typeof newRequestSchema>;
export type NewRequest = z.output<typeof newRequestSchema>;

/** Per-field messages keyed by dotted path ("agent.email"), the shape the API and the form both show. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export const tokenSchema = z
  .string({ error: 'The link is incomplete' })
  .regex(/^[A-Za-z0-9_-]{43}$/, 'The link is incomplete or has been changed');
