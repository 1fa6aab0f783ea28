/**
 * A data set's redactions compiled into one function over its rows: withheld rows are dropped,
 * withheld fields and pattern matches become "[withheld]", and every withheld item is counted by
 * reason. Pure: the package build streams rows through it, the preview shows what it would do.
 */
import { patternRedactor, WITHHELD, type PatternKind, type TextRedactor } from './patterns';
import type { RedactionReason } from './reasons';

export type RedactionRule = {
  kind: 'field' | 'row' | 'pattern';
  target: string;
  regex: string | null;
  reason: RedactionReason;
};

export type RowOutcome = { row: Record<string, unknown>; dropped: boolean; withheldFields: ReadonlySet<string> };

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

/**
 * Every pattern, in rule order, over one text: the same result as running the rules one after the
 * other over the row. `tallies[i]` counts what pattern i withheld.
 */
function allPatterns(redactors: TextRedactor[], tallies: { n: number }[]): (text: string) => string {
  if (redactors.length === 1) return (text) => redactors[0](text, tallies[0]);
  return (text) => {
    let out = text;
    for (let i = 0; i < redactors.length; i++) out = redactors[i](out, tallies[i]);
    return out;
  };
}

/** Patterns run over every text in a value, nested objects and arrays included; the value itself when none matched. */
function redactValue(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const next = redactValue(value[i], redact);
      if (next === value[i]) continue;
      out ??= [...value];
      out[i] = next;
    }
    return out ?? value;
  }
  if (value && typeof value === 'object') {
    let out: Record<string, unknown> | null = null;
    for (const [k, v] of Object.entries(value)) {
      const next = redactValue(v, redact);
      if (next === v) continue;
      out ??= Object.fromEntries(Object.entries(value));
      out[k] = next;
    }
    return out ?? value;
  }
  return value;
}

/** The outcome's set for a row nothing was withheld from: never written to. */
const NONE: ReadonlySet<string> = new Set();

/**
 * Which rows of a data set no pattern withheld anything from, as one pass over the stored rows found
 * them, so that a second pass over the same rows (the package's CSV entry, after its JSON entry)
 * skips their patterns, the costliest part of redaction. One bit per row, recorded in row order for
 * the first `MAX_ROWS` rows; a row not recorded (yet) runs its patterns as usual.
 */
export class PatternMemo {
  static readonly MAX_ROWS = 1 << 26;
  private bits = new Uint8Array(4096);
  /** Rows 1 to `recorded` are known. */
  private recorded = 0;

  record(rowNumber: number, clean: boolean) {
    if (rowNumber !== this.recorded + 1 || rowNumber > PatternMemo.MAX_ROWS) return;
    const byte = (rowNumber - 1) >> 3;
    if (byte === this.bits.length) {
      const grown = new Uint8Array(this.bits.length * 2);
      grown.set(this.bits);
      this.bits = grown;
    }
    if (clean) this.bits[byte] |= 1 << ((rowNumber - 1) & 7);
    this.recorded = rowNumber;
  }

  clean(rowNumber: number): boolean {
    return rowNumber <= this.recorded && (this.bits[(rowNumber - 1) >> 3] & (1 << ((rowNumber - 1) & 7))) !== 0;
  }
}

/**
 * `memo`: the first pass over a data set records in it which rows its patterns left alone; a later
 * pass over the same stored rows reuses it. Only for two passes over the very same rows.
 */
export function compileRedactor(
  rules: RedactionRule[],
  options: { requesterEmails: string[]; memo?: { memo: PatternMemo; role: 'record' | 'reuse' } },
): Redactor {
  const counts = new Map<RedactionReason, number>();
  const add = (reason: RedactionReason, n: number) => {
    if (n > 0) counts.set(reason, (counts.get(reason) ?? 0) + n);
  };
  const rows = rules.filter((r) => r.kind === 'row').map((r) => ({ match: rowMatcher(r.target), reason: r.reason }));
  const fields = rules.filter((r) => r.kind === 'field');
  const patterns = rules.filter((r) => r.kind === 'pattern');
  const tallies = patterns.map(() => ({ n: 0 }));
  const recordIn = options.memo?.role === 'record' ? options.memo.memo : null;
  const reuse = options.memo?.role === 'reuse' ? options.memo.memo : null;
  const redactText = allPatterns(
    patterns.map((r) =>
      patternRedactor(r.target as PatternKind, { regex: r.regex, requesterEmails: options.requesterEmails }),
    ),
    tallies,
  );
  return {
    counts,
    empty: rules.length === 0,
    apply(row, rowNumber) {
      for (const r of rows) {
        if (!r.match(row, rowNumber)) continue;
        add(r.reason, 1);
        recordIn?.record(rowNumber, false);
        return { row, dropped: true, withheldFields: NONE };
      }
      let out = row;
      let withheldFields = NONE as Set<string>;
      for (const f of fields) {
        if (!(f.target in out) || out[f.target] === null || out[f.target] === '') continue;
        if (out === row) {
          out = { ...row };
          withheldFields = new Set();
        }
        out[f.target] = WITHHELD;
        withheldFields.add(f.target);
        add(f.reason, 1);
      }
      if (patterns.length === 0 || reuse?.clean(rowNumber)) return { row: out, dropped: false, withheldFields };
      for (const t of tallies) t.n = 0;
      let withheld = 0;
      for (const key of Object.keys(out)) {
        if (withheldFields.has(key)) continue;
        const next = redactValue(out[key], redactText);
        // A value counts as changed when something in it was withheld, even if the text reads the same.
        let total = 0;
        for (const t of tallies) total += t.n;
        if (total === withheld) continue;
        withheld = total;
        if (out === row) out = { ...row };
        out[key] = next;
      }
      // Counted per pattern in rule order: the reasons enter `counts` in the order the rules give them.
      for (let i = 0; i < patterns.length; i++) add(patterns[i].reason, tallies[i].n);
      recordIn?.record(rowNumber, withheld === 0);
      return { row: out, dropped: false, withheldFields };
    },
  };
}
