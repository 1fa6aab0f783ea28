/**
 * The one schema for a new request, in two readings of a blank optional field: the form's
 * (react-hook-form + zodResolver, and the server that receives the post) and the JSON API's. Every
 * other rule is the same code, so it can never differ between them. Its messages are catalog keys,
 * put into words by lib/universal/i18n/validation.ts in the requester's language.
 */
import * as z from 'zod/mini';
import { AGENT_AUTHORIZATION_KINDS, JURISDICTIONS, REQUEST_TYPES } from './codes';
import { LOCALES } from './i18n/locales';
import { FIELD_LIMITS } from './i18n/validation';
import { isOfferedIn } from './regional-rights';

// zod/mini (same rules, same messages as classic zod, but tree-shakable): this schema also runs in
// the requester's browser, where classic zod alone weighed 46 KB gzip of the form page's JavaScript.

/** Letters, marks, digits, punctuation, spaces and line breaks; no control or bidi-override characters. */
const SAFE_TEXT = /^[^\p{Cc}\p{Cs}\p{Co}\u202A-\u202E\u2066-\u2069]*$/u;
const SAFE_MULTILINE = /^(?:[^\p{Cc}\p{Cs}\p{Co}\u202A-\u202E\u2066-\u2069]|[\n\r\t])*$/u;

/** The schema's fields with messages of their own; each message is a key `validation.<field>.<problem>`. */
type TextField = 'name' | 'agentName' | 'details';
type EmailField = 'email' | 'accountEmail' | 'agentEmail';

/**
 * How an optional field given as an empty or blank string is read. A form posts every field, so there
 * `""` means "not given"; a JSON client leaves a field out instead, so the API refuses `""` with a
 * clear message rather than guessing (docs/decisions/012-api-document-states-every-rule.md).
 */
type Blank = 'absent' | 'refused';

/** In the API, a field that is sent must say something: `\S` is also what its OpenAPI schema states. */
const notBlankIn = (blank: Blank, field: 'name' | 'accountEmail' | 'details') =>
  blank === 'refused' ? [z.regex(/\S/, `validation.${field}.blank`)] : [];

const text = (field: TextField, min?: number, blank: Blank = 'absent') =>
  z
    .string({ error: `validation.${field}.notText` })
    .check(
      ...(field === 'agentName' ? [] : notBlankIn(blank, field)),
      z.trim(),
      ...(min ? [z.minLength(min, `validation.${field}.required`)] : []),
      z.maxLength(FIELD_LIMITS[field], `validation.${field}.tooLong`),
      z.regex(SAFE_TEXT, `validation.${field}.badCharacters`),
    );

const email = (field: EmailField, blank?: Blank) =>
  z.pipe(
    z.string({ error: `validation.${field}.required` }).check(
      ...(field === 'accountEmail' ? notBlankIn(blank ?? 'absent', field) : []),
      z.trim(),
      // Required unless optional (`blank` given): then the blank is read as `blank` says.
      ...(blank ? [] : [z.minLength(1, `validation.${field}.required`)]),
      z.maxLength(FIELD_LIMITS[field], `validation.${field}.tooLong`),
    ),
    z.email({ error: `validation.${field}.invalid` }).check(z.toLowerCase()),
  );

/** An optional field: in a form, a blank string means "not given" (in the API it is refused by `inner`). */
const optional = <T extends z.ZodMiniType>(blank: Blank, inner: T) =>
  z.pipe(
    z.transform((v: unknown) => (blank === 'absent' && typeof v === 'string' && v.trim() === '' ? undefined : v)),
    z.optional(inner),
  );

const TYPES = z
  .array(z.enum(REQUEST_TYPES, { error: 'validation.types.unknown' }), {
    error: 'validation.types.required',
  })
  .check(
    z.minLength(1, 'validation.types.required'),
    z.maxLength(REQUEST_TYPES.length),
    z.refine((t) => new Set(t).size === t.length, 'validation.types.duplicate'),
  );

function requestSchema(blank: Blank) {
  const types = TYPES;
  const shape = {
    email: email('email'),
    name: optional(blank, text('name', undefined, blank)),
    accountEmail: optional(blank, email('accountEmail', blank)),
    types,
    jurisdiction: z.enum(JURISDICTIONS, { error: 'validation.jurisdiction.required' }),
    details: optional(
      blank,
      z
        .string({ error: 'validation.details.notText' })
        .check(
          ...notBlankIn(blank, 'details'),
          z.trim(),
          z.maxLength(FIELD_LIMITS.details, 'validation.details.tooLong'),
          z.regex(SAFE_MULTILINE, 'validation.details.badCharacters'),
        ),
    ),
    agent: z.optional(
      z.strictObject(
        {
          name: text('agentName', 1),
          email: email('agentEmail'),
          // The document itself travels beside the fields (a file in the form, base64 in the API):
          // lib/agents/agent-document.ts checks it on the server.
          authorization: z.enum(AGENT_AUTHORIZATION_KINDS, { error: 'validation.agent.authorization' }),
        },
        { error: 'validation.agent.incomplete' },
      ),
    ),
    confirm: z.literal(true, { error: 'validation.confirm.required' }),
    /** The language the requester reads (lib/universal/i18n/locales.ts); English when not given. */
    locale: z.optional(z.enum(LOCALES, { error: 'validation.locale.unknown' })),
  };

  const correctionFields = z.looseObject({ types, details: shape.details });
  const agentFields = z.looseObject({ email: shape.email, agent: shape.agent });
  const regimeFields = z.looseObject({ types, jurisdiction: shape.jurisdiction });

  // Cross-field rules run whenever the fields they read are valid, even if others are not, so that the
  // requester sees every problem after one submit instead of discovering these on the second.
  return z.strictObject(shape).check(
    z.refine((value) => !value.types.includes('correction') || Boolean(value.details), {
      path: ['details'],
      message: 'validation.details.neededForCorrection',
      when: (payload) => correctionFields.safeParse(payload.value).success,
    }),
    z.refine((value) => !value.agent || value.agent.email !== value.email, {
      path: ['agent', 'email'],
      message: 'validation.agentEmail.sameAsPerson',
      when: (payload) => agentFields.safeParse(payload.value).success,
    }),
    z.refine((value) => value.types.every((t) => isOfferedIn(value.jurisdiction, t)), {
      path: ['types'],
      message: 'validation.types.notOffered',
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
