/**
 * The patterns admins choose from. The built-in ones are ours (linear, no nested quantifiers) and run
 * on the native engine; a custom expression runs on RE2JS, a linear-time RE2 port, so no input can
 * make it backtrack catastrophically; it is also kept short and must not match the empty text.
 */
import { RE2JS } from 're2js';

export const PATTERN_KINDS = ['email', 'phone', 'secret', 'regex'] as const;
export type PatternKind = (typeof PATTERN_KINDS)[number];

export const PATTERN_LABELS: Record<PatternKind, string> = {
  email: "Email addresses other than the requester's",
  phone: 'Phone numbers',
  secret: 'API secrets and tokens (sk_live_…, Bearer …, ghp_…, AKIA…, xoxb-…)',
  regex: 'A custom expression (RE2 syntax)',
};

export const MAX_REGEX_LENGTH = 200;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** 9 to 15 digits (E.164 at most 15), optionally after +, split by at most two of space . - ( ). */
const PHONE = /(?<![\d+])\+?\(?\d(?:[ .\-()]{0,2}\d){8,14}(?!\d)/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;
const SECRET =
  /\b(?:(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{8,}|gh[pousr]_[A-Za-z0-9]{20,}|AKIA[0-9A-Z]{16}|xox[abprs]-[A-Za-z0-9-]{10,})\b|\bBearer\s+[A-Za-z0-9._~+/-]{16,}=*/g;

/** The characters a phone match is made of: digits, its separators and the leading +. */
const PHONE_CHAR = new Uint8Array(128);
for (const c of '0123456789 .-()+') PHONE_CHAR[c.charCodeAt(0)] = 1;
const isPhoneChar = (code: number) => code < 128 && PHONE_CHAR[code] === 1;

/**
 * Where the first nine phone characters in a row start in `text`, or -1: every phone match is such a
 * run (nine digits at least, nothing else between them), so none starts before it. The expression
 * tries a match at every digit; this looks at the last character of each nine-character window and
 * skips the window when it is not a phone character, so it reads a fraction of a text with few long
 * digit runs (hex, prose). The expression then starts there, or not at all.
 */
export function phoneRunStart(text: string): number {
  let start = 0;
  while (start + 9 <= text.length) {
    const end = start + 8;
    if (!isPhoneChar(text.charCodeAt(end))) {
      start = end + 1;
      continue;
    }
    let k = end - 1;
    while (k >= start && isPhoneChar(text.charCodeAt(k))) k--;
    if (k < start) return start;
    // No nine-character run can hold position k: the next window starts after it.
    start = k + 1;
  }
  return -1;
}

/** Every secret the expression finds holds one of these: "_" (sk_, pk_, rk_, gh?_), AKIA, xox, Bearer. */
export function mayHoldSecret(text: string): boolean {
  return text.includes('_') || text.includes('AKIA') || text.includes('xox') || text.includes('Bearer');
}

/**
 * Replaces each match that counts and adds how many it withheld to `tally.n`; returns the text itself
 * when nothing was withheld. A row runs every pattern over every text it holds, so this allocates
 * nothing for a text without a match.
 */
export type TextRedactor = (text: string, tally: { n: number }) => string;

export const WITHHELD = '[withheld]';

function replacing(
  re: RegExp,
  keep: (match: string) => boolean = () => false,
  /** Where in the text a match may start at the earliest, found cheaply; -1 when the text holds none (most do not). */
  searchFrom: (text: string) => number = () => 0,
): TextRedactor {
  return (text, tally) => {
    const from = searchFrom(text);
    if (from === -1) return text;
    re.lastIndex = from;
    let match = re.exec(text);
    if (match === null) return text;
    // The same matches, left to right, as `text.replace(re, ...)`: none of these patterns matches empty text.
    let out = '';
    let copied = 0;
    do {
      const found = match[0];
      if (!keep(found)) {
        out += `${text.slice(copied, match.index)}${WITHHELD}`;
        copied = match.index + found.length;
        tally.n += 1;
      }
      match = re.exec(text);
    } while (match !== null);
    return copied === 0 ? text : out + text.slice(copied);
  };
}

/** A custom expression, or the reason it is refused. */
export function compileCustomRegex(source: string): { ok: true; re: RE2JS } | { ok: false; error: string } {
  if (source.length === 0 || source.length > MAX_REGEX_LENGTH)
    return { ok: false, error: `Give an expression of 1 to ${MAX_REGEX_LENGTH} characters.` };
  let re: RE2JS;
  try {
    re = RE2JS.compile(source);
  } catch (error) {
    return {
      ok: false,
      error: `Not a valid RE2 expression (no look-arounds or back-references): ${(error as Error).message.slice(0, 200)}`,
    };
  }
  if (re.matcher('').find())
    return { ok: false, error: 'The expression matches empty text: it would match everywhere.' };
  return { ok: true, re };
}

export function patternRedactor(
  kind: PatternKind,
  options: { regex?: string | null; requesterEmails: string[] },
): TextRedactor {
  switch (kind) {
    case 'email': {
      const own = new Set(options.requesterEmails.map((e) => e.toLowerCase()));
      // Without the test a long text with no "@" costs quadratic time in the regex engine.
      return replacing(
        EMAIL,
        (m) => own.has(m.toLowerCase()),
        (text) => (text.includes('@') ? 0 : -1),
      );
    }
    case 'phone':
      // A date with its hour ("2026-03-04 10") has as many digits, but is no phone number.
      return replacing(PHONE, (m) => ISO_DATE.test(m), phoneRunStart);
    case 'secret':
      return replacing(SECRET, undefined, (text) => (mayHoldSecret(text) ? 0 : -1));
    case 'regex': {
      const compiled = compileCustomRegex(options.regex ?? '');
      // Saved expressions were validated; one that is not valid now fails the build visibly.
      if (!compiled.ok) throw new Error(`A redaction pattern is not valid: ${compiled.error}`);
      const re = compiled.re;
      return (text, tally) => {
        // `test` needs no matcher and no match positions: far cheaper on the many texts without one.
        if (!re.test(text)) return text;
        const m = re.matcher(text);
        let count = 0;
        while (m.find()) count += 1;
        if (count === 0) return text;
        tally.n += count;
        return re.matcher(text).replaceAll(WITHHELD);
      };
    }
  }
}
