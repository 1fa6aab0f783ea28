/** The inputs of redaction: one zod schema each, read by the staff forms' route handlers and the domain functions. */
import { z } from 'zod';
import { compileCustomRegex, PATTERN_KINDS } from './patterns';
import { REDACTION_REASON_CODES } from './reasons';

/** "<system key>/<data set name>", as the package's folders name it. */
export const datasetKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}\/[^\n/]{1,120}$/, 'Choose a data set');

const reason = z.enum(REDACTION_REASON_CODES, 'Choose a reason');

export const addRedactionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field'), dataset: datasetKey, target: z.string().trim().min(1).max(200), reason }),
  z.object({
    kind: z.literal('row'),
    dataset: datasetKey,
    /** A row number from the preview, or text the withheld rows contain. */
    target: z.string().trim().min(1, 'Give a row number or the text the rows contain').max(500),
    reason,
  }),
]);

export const redactionPatternSchema = z
  .object({
    /** Blank: every data set of every package. */
    dataset: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), datasetKey.nullable()),
    pattern: z.enum(PATTERN_KINDS, 'Choose a pattern'),
    regex: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.string().max(500).nullable()),
    reason,
  })
  .superRefine((p, ctx) => {
    if (p.pattern !== 'regex') return;
    const compiled = compileCustomRegex(p.regex ?? '');
    if (!compiled.ok) ctx.addIssue({ code: 'custom', path: ['regex'], message: compiled.error });
  });

export type AddRedactionInput = z.input<typeof addRedactionSchema>;
export type RedactionPatternInput = z.input<typeof redactionPatternSchema>;
