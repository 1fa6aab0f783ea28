/** The inputs of the data inventory: one zod schema each, shared by the admin forms and the server. */
import { z } from 'zod';
import { TRANSFER_SAFEGUARDS } from './transfer-safeguards';
import { SYSTEM_TASK_TYPES } from './task-types';

const lines = z.preprocess(
  (v) => (typeof v === 'string' ? v.split('\n') : Array.isArray(v) ? v : []),
  z.array(z.string().trim().max(500)).transform((a) => a.filter(Boolean)),
);

const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    z.string().trim().max(max).nullable().default(null),
  );

/** Placeholders a statement may use: $1 is the subject's email, $2 the requested change (correct only). */
const PLACEHOLDER = /\$(\d+)/g;

export const statementSchema = z
  .object({
    name: z
      .string()
      .trim()
      .regex(/^[a-z0-9_-]{1,64}$/, 'Lower-case letters, digits, - and _'),
    sql: z.string().trim().min(10).max(4000),
  })
  .superRefine((s, ctx) => {
    const used = [...s.sql.matchAll(PLACEHOLDER)].map((m) => Number(m[1]));
    if (!used.includes(1))
      ctx.addIssue({ code: 'custom', path: ['sql'], message: 'must select the subject with the $1 parameter' });
    if (used.some((n) => n > 2))
      ctx.addIssue({ code: 'custom', path: ['sql'], message: 'only $1 (email) and $2 (requested change) are bound' });
    if (/;\s*\S/.test(s.sql)) ctx.addIssue({ code: 'custom', path: ['sql'], message: 'must be a single statement' });
  });

export type Statement = z.infer<typeof statementSchema>;

export const statementsSchema = z
  .object({
    collect: z.array(
      statementSchema.refine((s) => /^\s*(select|with)\b/i.test(s.sql), {
        message: 'collect statements are SELECTs',
        path: ['sql'],
      }),
    ),
    erase: z.array(statementSchema),
    correct: z.array(statementSchema),
    restrict: z.array(statementSchema),
    suppress: z.array(statementSchema),
    stop_processing: z.array(statementSchema),
    stop_sale: z.array(statementSchema),
    limit_use: z.array(statementSchema),
    /**
     * Identity questions: SELECTs by $1 alone whose columns are named after the questions they answer
     * (lib/verification/identity-questions.ts), e.g. `organization`, `card_last4`. Run on the server
     * when a requester answers; the values never leave it.
     */
    verify: z.array(
      statementSchema
        .refine((s) => /^\s*(select|with)\b/i.test(s.sql), { message: 'verify statements are SELECTs', path: ['sql'] })
        .refine((s) => !/\$2\b/.test(s.sql), { message: 'verify statements bind only $1 (email)', path: ['sql'] }),
    ),
  })
  .partial();

export type Statements = z.infer<typeof statementsSchema>;

const statementsJson = z.preprocess((v) => {
  if (typeof v !== 'string') return v ?? {};
  if (v.trim() === '') return {};
  try {
    return JSON.parse(v);
  } catch {
    return Symbol('invalid');
  }
}, statementsSchema);

export const systemSchema = z.object({
  id: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,64}$/, 'Lower-case letters, digits and -, 2 to 64 characters'),
  name: z.string().trim().min(2, 'Name the system').max(200),
  description: optionalText(2000),
  kind: z.enum(['manual', 'postgres', 'webhook']),
  ownerId: z.preprocess((v) => (v === '' || v === 'none' ? null : v), z.string().min(1).nullable().default(null)),
  taskTypes: z.preprocess((v) => (Array.isArray(v) ? v : v ? [v] : []), z.array(z.enum(SYSTEM_TASK_TYPES))),
  checklist: lines,
  connectionUrl: optionalText(1000).pipe(z.url({ protocol: /^postgres(ql)?$/ }).nullable()),
  statements: statementsJson,
  webhookUrl: optionalText(1000).pipe(z.url({ protocol: /^https?$/ }).nullable()),
  // `v1.`/`v2.` begin a sealed secret; a secret typed with them could be misread once stored (connector-secret.ts).
  webhookSecret: optionalText(200).refine((v) => v === null || !/^v[12]\./.test(v), 'Must not begin with v1. or v2.'),
  allowPrivateNetwork: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
  active: z.preprocess((v) => v === undefined || v === 'on' || v === 'true' || v === true, z.boolean()),
  /** Empty means not recorded yet; the data package then says so (transfer-safeguards.ts). */
  transferSafeguard: z.preprocess((v) => (v === '' || v == null ? null : v), z.enum(TRANSFER_SAFEGUARDS).nullable()),
  transferCountry: optionalText(100),
});

/** Form-shaped: every field is parsed, so the type only guides callers. */
export type SystemInput = Partial<z.input<typeof systemSchema>>;

export const categorySchema = z.object({
  id: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
  systemId: z.uuid('Unknown system'),
  name: z.string().trim().min(2, 'Name the category').max(200),
  purposes: lines.pipe(z.array(z.string()).min(1, 'List at least one purpose')),
  legalBasis: z.string().trim().min(2, 'Give the legal basis').max(500),
  recipients: lines,
  retention: z.string().trim().min(2, 'Say how long it is kept').max(500),
  source: z.string().trim().min(2, 'Say where it comes from').max(500),
});

export type CategoryInput = Partial<z.input<typeof categorySchema>>;

/** The transfer a recipient receives (GDPR Art. 15(2)): its safeguard and destination, as the inventory records them. */
export const recipientTransferSchema = z.object({
  recipientId: z.uuid('Unknown recipient'),
  /** Empty means not recorded yet; the data package then says so (transfer-safeguards.ts). */
  transferSafeguard: z.preprocess((v) => (v === '' || v == null ? null : v), z.enum(TRANSFER_SAFEGUARDS).nullable()),
  transferCountry: optionalText(100),
});

export type RecipientTransferInput = Partial<z.input<typeof recipientTransferSchema>>;
