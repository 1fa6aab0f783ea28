/**
 * The one schema for a new request, in two readings of a blank optional field: the form's
 * (react-hook-form + zodResolver, and the server that receives the post) and the JSON API's. Every
 * other rule is the same code, so it can never differ between them.
 */
import * as z from 'zod/mini';
import { AGENT_AUTHORIZATION_KINDS, JURISDICTIONS, REQUEST_TYPES } from './codes';
import { isOfferedIn } from './regional-rights';

// zod/mini (same rules, same messages as classic zod, but tree-shakable): this schema also runs in
// the requester's browser, where classic zod alone weighed 46 KB gzip of the form page's JavaScript.

/** Letters, marks, digits, punctuation, spaces and line breaks; no control or bidi-override characters. */
const SAFE_TEXT = /^[^\p{Cc}\p{Cs}\p{Co}\u202A-\u202E\u2066-\u2069]*$/u;
const SAFE_MULTILINE = /^(?:[^\p{Cc}\p{Cs}\p{Co}\u202A-\u202E\u2066-\u2069]|[\n\r\t])*$/u;

/**
 * How an optional field given as an empty or blank string is read. A form posts every field, so there
 * `""` means "not given"; a JSON client leaves a field out instead, so the API refuses `""` with a
 * clear message rather than guessing (docs/decisions/012-api-document-states-every-rule.md).
 */
type Blank = 'absent' | 'refused';

/** In the API, a field that is sent must say something: `\S` is also what its OpenAPI schema states. */
const notBlankIn = (blank: Blank, label: string) =>
  blank === 'refused' ? [z.regex(/\S/, `${label} must not be empty: leave the field out instead`)] : [];

const text = (label: string, max: number, min?: number, blank: Blank = 'absent') =>
  z
    .string({ error: `${label} must be text` })
    .check(
      ...notBlankIn(blank, label),
      z.trim(),
      ...(min ? [z.minLength(min, `${label} is required`)] : []),
      z.maxLength(max, `${label} must be at most ${max} characters`),
      z.regex(SAFE_TEXT, `${label} contains characters we cannot accept`),
    );

const email = (label: string, blank?: Blank) =>
  z.pipe(
    z.string({ error: `${label} is required` }).check(
      ...notBlankIn(blank ?? 'absent', label),
      z.trim(),
      // Required unless optional (`blank` given): then the blank is read as `blank` says.
      ...(blank ? [] : [z.minLength(1, `${label} is required`)]),
      z.maxLength(254, `${label} must be at most 254 characters`),
    ),
    z.email({ error: `${label} must be a valid email address, like name@example.com` }).check(z.toLowerCase()),
  );

/** An optional field: in a form, a blank string means "not given" (in the API it is refused by `inner`). */
const optional = <T extends z.ZodMiniType>(blank: Blank, inner: T) =>
  z.pipe(
    z.transform((v: unknown) => (blank === 'absent' && typeof v === 'string' && v.trim() === '' ? undefined : v)),
    z.optional(inner),
  );

function requestSchema(blank: Blank) {
  const types = z
    .array(z.enum(REQUEST_TYPES, { error: 'Choose from the listed request types' }), {
      error: 'Choose at least one request type',
    })
    .check(
      z.minLength(1, 'Choose at least one request type'),
      z.maxLength(REQUEST_TYPES.length),
      z.refine((t) => new Set(t).size === t.length, 'Each request type can be chosen once'),
    );
  const details = optional(
    blank,
    z
      .string({ error: 'Details must be text' })
      .check(
        ...notBlankIn(blank, 'Details'),
        z.trim(),
        z.maxLength(5000, 'Details must be at most 5,000 characters'),
        z.regex(SAFE_MULTILINE, 'Details contain characters we cannot accept'),
      ),
  );
  const shape = {
    email: email('Email'),
    name: optional(blank, text('Full name', 200, undefined, blank)),
    accountEmail: optional(blank, email('Account email', blank)),
    types,
    jurisdiction: z.enum(JURISDICTIONS, { error: 'Choose where you live from the list' }),
    details,
    agent: z.optional(
      z.strictObject(
        {
          name: text('Agent name', 200, 1),
          email: email('Agent email'),
          // The document itself travels beside the fields (a file in the form, base64 in the API):
          // lib/agents/agent-document.ts checks it on the server.
          authorization: z.enum(AGENT_AUTHORIZATION_KINDS, {
            error: 'Choose the proof you have: signed permission or a power of attorney',
          }),
        },
        { error: 'Agent must have a name, an email and the kind of proof' },
      ),
    ),
    confirm: z.literal(true, { error: 'Please confirm that the information is accurate' }),
  };

  const correctionFields = z.looseObject({ types, details });
  const agentFields = z.looseObject({ email: shape.email, agent: shape.agent });
  const regimeFields = z.looseObject({ types, jurisdiction: shape.jurisdiction });

  // Cross-field rules run whenever the fields they read are valid, even if others are not, so that the
  // requester sees every problem after one submit instead of discovering these on the second.
  return z.strictObject(shape).check(
    z.refine((value) => !value.types.includes('correction') || Boolean(value.details), {
      path: ['details'],
      message: 'For a correction, tell us what is wrong and what it should be',
      when: (payload) => correctionFields.safeParse(payload.value).success,
    }),
    z.refine((value) => !value.agent || value.agent.email !== value.email, {
      path: ['agent', 'email'],
      message: "The agent's email must differ from the email of the person the request is about",
      when: (payload) => agentFields.safeParse(payload.value).success,
    }),
    z.refine((value) => value.types.every((t) => isOfferedIn(value.jurisdiction, t)), {
      path: ['types'],
      message:
        'The law where you live does not give every right you chose: opting out of sale or sharing, and limiting the use of sensitive information, are offered only where a state law gives them',
      when: (payload) => regimeFields.safeParse(payload.value).success,
    }),
  );
}

/** The form's schema (the browser's and the server's): a blank optional field is "not given". */
export const newRequestSchema = requestSchema('absent');

/** The JSON API's schema, the one its OpenAPI document states: a blank optional field is refused. */
export const apiRequestSchema = requestSchema('refused');

export type NewRequestInput = z.input<typeof newRequestSchema>;
export type NewRequest = z.output<typeof newRequestSchema>;

export const tokenSchema = z
  .string({ error: 'The link is incomplete' })
  .check(z.regex(/^[A-Za-z0-9_-]{43}$/, 'The link is incomplete or has been changed'));
