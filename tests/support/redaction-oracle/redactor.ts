// The redaction code as it was before rows were redacted in one pass per value (issue #18): kept
// unchanged as the oracle the faster code must match byte for byte (tests/integration/redaction-oracle.test.ts).
/**
 * A data set's redactions compiled into one function over its rows: withheld rows are dropped,
 * withheld fields and pattern matches become "[withheld]", and every withheld item is counted by
 * reason. Pure: the package build streams rows through it, the preview shows what it would do.
 */
import { patternRedactor, WITHHELD, type PatternKind, type TextRedactor } from './patterns';
import type { RedactionReason } from '../../../lib/fulfilment/redaction/reasons';

export type RedactionRule = {
  kind: 'field' | 'row' | 'pattern';
  target: string;
  regex: string | null;
  reason: RedactionReason;
};

export type RowOutcome = { row: Record<string, unknown>; dropped: boolean; withheldFields: Set<string> };

export type Redactor = {
  /** `rowNumber` counts the data set's rows from 1, as the preview shows them. */
  apply(row: Record<string, unknown>, rowNumber: number): RowOutcome;
  readonly counts: Map<RedactionReason, number>;
  readonly empty: boolean;
};

function rowMatcher(target: string): (row: Record<string, unknown>, n: number) => boolean {
  if (/^\d+$/.test(target)) {
    const wanted = Number(target);
    return (_row, n) => n === wanted;
  }
  const needle = target.toLowerCase();
  return (row) =>
    Object.values(row).some((v) =>
      (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)).toLowerCase().includes(needle),
    );
}

/** Patterns run over every text in a value, nested objects and arrays included. */
function redactValue(value: unknown, redact: TextRedactor, counted: { n: number }): unknown {
  if (typeof value === 'string') {
    const { text, count } = redact(value);
    counted.n += count;
    return text;
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v, redact, counted));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, redact, counted)]));
  return value;
}

export function compileRedactor(rules: RedactionRule[], options: { requesterEmails: string[] }): Redactor {
  const counts = new Map<RedactionReason, number>();
  const add = (reason: RedactionReason, n: number) => {
    if (n > 0) counts.set(reason, (counts.get(reason) ?? 0) + n);
  };
  const rows = rules.filter((r) => r.kind === 'row').map((r) => ({ match: rowMatcher(r.target), reason: r.reason }));
  const fields = rules.filter((r) => r.kind === 'field');
  const patterns = rules
    .filter((r) => r.kind === 'pattern')
    .map((r) => ({
      redact: patternRedactor(r.target as PatternKind, { regex: r.regex, requesterEmails: options.requesterEmails }),
      reason: r.reason,
    }));
  return {
    counts,
    empty: rules.length === 0,
    apply(row, rowNumber) {
      const withheldFields = new Set<string>();
      const hit = rows.find((r) => r.match(row, rowNumber));
      if (hit) {
        add(hit.reason, 1);
        return { row, dropped: true, withheldFields };
      }
      let out = row;
      for (const f of fields) {
        if (!(f.target in out) || out[f.target] === null || out[f.target] === '') continue;
        if (out === row) out = { ...row };
        out[f.target] = WITHHELD;
        withheldFields.add(f.target);
        add(f.reason, 1);
      }
      for (const p of patterns) {
        for (const [key, value] of Object.entries(out)) {
          if (withheldFields.has(key)) continue;
          const counted = { n: 0 };
          const next = redactValue(value, p.redact, counted);
          if (counted.n === 0) continue;
          if (out === row) out = { ...row };
          out[key] = next;
          add(p.reason, counted.n);
        }
      }
      return { row: out, dropped: false, withheldFields };
    },
  };
}
