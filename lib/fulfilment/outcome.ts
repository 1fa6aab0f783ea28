/** What a connector or a person reported for a task, as stored in `fulfilment_task.outcome`. */
import { z } from 'zod';
import { type Phrase, phrase } from '../universal/i18n/phrase';

export const outcomeSchema = z.object({
  /** Data sets collected: stored encrypted under the storage root until the package is built. */
  datasets: z.array(z.object({ name: z.string(), rows: z.number().int(), storageKey: z.string() })).optional(),
  /** Statements run (erase, restrict, ...): affected rows each. */
  statements: z.array(z.object({ name: z.string(), rows: z.number().int() })).optional(),
  /** A webhook system's own words: what it did, what it kept and why. */
  confirmation: z.string().optional(),
  kept: z.string().optional(),
  at: z.string().optional(),
});

export type TaskOutcome = z.infer<typeof outcomeSchema>;

export function readOutcome(value: unknown): TaskOutcome {
  const parsed = outcomeSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}

/** One line for staff and for the completion email: rows collected or changed, the system's confirmation. */
export function describeOutcome(value: unknown): string | null {
  const o = readOutcome(value);
  const parts: string[] = [];
  if (o.datasets?.length)
    parts.push(`Collected ${o.datasets.map((d) => `${d.name} (${d.rows} row${d.rows === 1 ? '' : 's'})`).join(', ')}`);
  if (o.statements?.length)
    parts.push(`${o.statements.map((s) => `${s.name}: ${s.rows} row${s.rows === 1 ? '' : 's'}`).join(', ')}`);
  if (o.confirmation) parts.push(o.confirmation);
  if (o.kept) parts.push(`Kept: ${o.kept}`);
  return parts.length ? parts.join('. ') : null;
}

/**
 * The same line for the requester, as phrases in their language: counts and names of data sets are
 * the system's, the words around them the catalog's; a system's own confirmation goes as written.
 */
export function outcomePhrases(value: unknown): Phrase[] {
  const o = readOutcome(value);
  const parts: Phrase[] = [];
  if (o.datasets?.length)
    parts.push(
      phrase('decision.detail.collected', {
        datasets: {
          list: o.datasets.map((d) => phrase('decision.detail.rows', { name: d.name, rows: d.rows })),
          type: 'unit',
        },
      }),
    );
  if (o.statements?.length)
    parts.push(
      phrase('decision.detail.changed', {
        statements: {
          list: o.statements.map((s) => phrase('decision.detail.statement', { name: s.name, rows: s.rows })),
          type: 'unit',
        },
      }),
    );
  if (o.confirmation) parts.push(phrase('decision.asWritten', { text: o.confirmation }));
  return parts;
}
