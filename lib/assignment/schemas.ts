import { z } from 'zod';
import { JURISDICTIONS, REQUEST_TYPES } from '../universal/codes';

/** Channels a rule can match. Stored as text: channels added later (an agent's DRP request) need no migration. */
export const ASSIGNMENT_CHANNELS = ['web', 'api', 'drp'] as const;

/** A list from repeated form fields; one message on the field (not on an item) for a value outside `allowed`. */
const list = <T extends string>(allowed: readonly T[], message: string) =>
  z.preprocess(
    (v) => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]),
    z
      .array(z.string())
      .max(100)
      .refine((values) => values.every((v) => (allowed as readonly string[]).includes(v)), message)
      .transform((values) => [...new Set(values)] as T[]),
  );
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

/** BCP 47-like language tags, comma or space separated in the form: "fr, de-AT". */
const locales = z.preprocess(
  (v) =>
    (Array.isArray(v) ? v.join(',') : typeof v === 'string' ? v : '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((tag) => tag.toLowerCase()),
  z
    .array(z.string())
    .max(20, 'At most 20 languages')
    .refine(
      (tags) => tags.every((tag) => /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(tag)),
      'Use language tags such as fr or pt-BR',
    ),
);

/** Request tags, comma or space separated in the form: "vip, press". The format of request_tag.tag. */
const tags = z.preprocess(
  (v) =>
    (Array.isArray(v) ? v.join(',') : typeof v === 'string' ? v : '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((tag) => tag.toLowerCase()),
  z
    .array(z.string())
    .max(20, 'At most 20 tags')
    .refine(
      (values) => values.every((tag) => tag.length <= 40 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(tag)),
      'Use tags such as vip or media-inquiry: lowercase letters, digits and hyphens, at most 40 characters',
    )
    .transform((values) => [...new Set(values)]),
);

export const assignmentRuleSchema = z
  .object({
    id: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
    name: z.string('Give the rule a name').trim().min(1, 'Give the rule a name').max(200),
    active: z.preprocess((v) => v === undefined || v === 'on' || v === 'true' || v === true, z.boolean()),
    requestTypes: list(REQUEST_TYPES, 'Choose request types from the list'),
    jurisdictions: list(JURISDICTIONS, 'Choose regimes from the list'),
    channels: list(ASSIGNMENT_CHANNELS, 'Choose channels from the list'),
    locales,
    // Optional for callers written before rules had tags: none given is no tag condition.
    tags: tags.optional().transform((v) => v ?? []),
    action: z.enum(['person', 'round_robin'], 'Choose who the rule assigns to'),
    memberIds: z.preprocess(
      (v) => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]),
      z.array(z.string().min(1)).max(100),
    ),
    openLimit: z.preprocess(
      (v) => (v === '' || v === undefined || v === null ? null : Number(v)),
      z
        .number('Give a whole number')
        .int('Give a whole number')
        .min(1, 'At least 1')
        .max(10_000, 'At most 10,000')
        .nullable(),
    ),
    skipOnLeave: checkbox,
  })
  .superRefine((rule, ctx) => {
    if (rule.action === 'person' && rule.memberIds.length !== 1)
      ctx.addIssue({ code: 'custom', path: ['memberIds'], message: 'Choose exactly one person' });
    if (rule.action === 'round_robin' && rule.memberIds.length < 2)
      ctx.addIssue({ code: 'custom', path: ['memberIds'], message: 'Choose at least two people to take turns' });
  });

export type AssignmentRuleInput = z.input<typeof assignmentRuleSchema>;

/** A change to one rule from the rules table: its button's `intent`. */
export const ruleChangeSchema = z.object({
  ruleId: z.uuid('Unknown rule'),
  intent: z.enum(['up', 'down', 'enable', 'disable', 'delete'], 'Unknown change'),
});
