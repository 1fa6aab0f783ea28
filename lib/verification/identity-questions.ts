/**
 * The questions only the person should be able to answer, matched against what Bitstride's systems
 * hold (data points, 11 CCR §7062(b)-(c)). The same questions are offered on every request, whatever
 * the address, so the page never tells whether an account exists. Answers are normalised (case,
 * spaces, punctuation; a month in any common format) and compared in constant time; they are never
 * stored (§7060(d)-(e)): only how many matched.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { LOCALES } from '../universal/i18n/locales';

/** Each question's words are in the catalogs, `proof.question.<key>.label` and `.hint`. */
export const IDENTITY_QUESTIONS = [
  {
    key: 'organization',
    kind: 'text',
  },
  {
    key: 'account_created_month',
    kind: 'month',
  },
  {
    key: 'api_key_prefix',
    kind: 'text',
  },
  {
    key: 'card_last4',
    kind: 'digits',
  },
] as const;

export type IdentityQuestion = (typeof IDENTITY_QUESTIONS)[number];
export type IdentityQuestionKey = IdentityQuestion['key'];
export const IDENTITY_QUESTION_KEYS = IDENTITY_QUESTIONS.map((q) => q.key) as IdentityQuestionKey[];

/** What a system's `verify` statements return: per question, every value it holds for the person. */
export type ExpectedAnswers = Partial<Record<IdentityQuestionKey, string[]>>;

/** Lower case without accents or dots: "Févr." and "fevr" compare equal. */
const plainWord = (word: string) =>
  word
    .normalize('NFD')
    .replace(/[\u0300-\u036f.]/g, '')
    .toLowerCase();

/**
 * Every month's names, long and short, in each language the portal speaks (from Intl's CLDR data), so
 * "mars 2025", "marzo de 2025", "março de 2025" and "März 2025" read as the English "March 2025" does.
 */
const MONTH_NAMES: readonly { name: string; month: number }[] = LOCALES.flatMap((locale) =>
  (['long', 'short'] as const).flatMap((width) => {
    const format = new Intl.DateTimeFormat(locale, { month: width, timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, index) => ({
      name: plainWord(format.format(Date.UTC(2025, index, 15))),
      month: index + 1,
    }));
  }),
);

/** Words that join a month to its year ("marzo de 2025", "im März 2025"): not part of either. */
const JOINING_WORDS = new Set(['de', 'del', 'of', 'im']);

/**
 * 1-12 for a month's name or an abbreviation of at least three letters ("Mar", "Sept", "févr"), in any
 * of the portal's languages; null when the letters start no month's name, or start two ("jui": juin
 * or juillet).
 */
function monthNumber(word: string): number | null {
  const w = plainWord(word);
  if (w.length < 3) return null;
  const months = new Set(MONTH_NAMES.filter(({ name }) => name.startsWith(w)).map(({ month }) => month));
  return months.size === 1 ? [...months][0] : null;
}

/**
 * A month as `YYYY-MM`, from "March 2025", "Mar. 2025", "2025-03", "03/2025", "3.2025", "2025 March",
 * "March 14, 2025", "2025-03-14" or "3/14/2025"; null when it cannot be read as one month.
 */
export function normaliseMonth(raw: string): string | null {
  const tokens = raw.normalize('NFKC').match(/\p{L}+|\p{N}+/gu) ?? [];
  const years = tokens.filter((t) => /^\d{4}$/.test(t));
  if (years.length !== 1) return null;
  const year = years[0];
  const rest = tokens.filter((t) => t !== year && !JOINING_WORDS.has(t.toLowerCase()));
  const words = rest.filter((t) => /^\p{L}+$/u.test(t));
  const numbers = rest.filter((t) => /^\d{1,2}$/.test(t)).map(Number);
  if (rest.length !== words.length + numbers.length) return null;
  let month: number | null = null;
  if (words.length === 1) {
    month = monthNumber(words[0]);
    if (numbers.length > 1 || (numbers.length === 1 && (numbers[0] < 1 || numbers[0] > 31))) return null;
  } else if (words.length === 0 && numbers.length === 1) {
    month = numbers[0];
  } else if (words.length === 0 && numbers.length === 2) {
    // 2025-03-14 (year first: month, then day) or 3/14/2025 (the US order: month, then day).
    month = numbers[0];
    if (numbers[1] < 1 || numbers[1] > 31) return null;
  }
  if (!month || month < 1 || month > 12) return null;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** One answer in the form it is compared in; '' when there is nothing to compare. */
export function normaliseAnswer(kind: IdentityQuestion['kind'], raw: string): string {
  if (kind === 'month') return normaliseMonth(raw) ?? '';
  if (kind === 'digits') return raw.replace(/\D+/g, '');
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** An answer given that cannot be of the asked form: a month that is not one, a card that is not four digits. */
export function unreadableAnswers(answers: Partial<Record<IdentityQuestionKey, string>>): IdentityQuestionKey[] {
  return IDENTITY_QUESTIONS.filter((q) => {
    const raw = answers[q.key]?.trim();
    if (!raw) return false;
    if (q.kind === 'month') return normaliseMonth(raw) === null;
    if (q.kind === 'digits') return !/^\d{4}$/.test(normaliseAnswer('digits', raw));
    return normaliseAnswer(q.kind, raw) === '';
  }).map((q) => q.key);
}

const digest = (key: string, value: string) => createHash('sha256').update(`${key}\u0000${value}`).digest();

/**
 * How many questions were answered with a value the systems hold. Every answered question is
 * compared with every value held for it, through equal-length digests and `timingSafeEqual`, with no
 * early exit: the time taken does not depend on which answer matched, nor on what is held.
 */
export function countMatches(answers: Partial<Record<IdentityQuestionKey, string>>, expected: ExpectedAnswers) {
  let matched = 0;
  let answered = 0;
  for (const question of IDENTITY_QUESTIONS) {
    const given = normaliseAnswer(question.kind, answers[question.key] ?? '');
    if (!given) continue;
    answered += 1;
    const mine = digest(question.key, given);
    let hit = 0;
    for (const value of expected[question.key] ?? []) {
      const held = normaliseAnswer(question.kind, value);
      // An empty value held matches nothing; it is still compared, so it takes the same time.
      hit |= Number(timingSafeEqual(mine, digest(question.key, held || '\u0000empty'))) & Number(held !== '');
    }
    matched += hit;
  }
  return { answered, matched };
}
