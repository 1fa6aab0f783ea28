/**
 * Why something is withheld from a data package. GDPR Art. 15(4): the right to a copy "shall not
 * adversely affect the rights and freedoms of others" (Recital 63: including trade secrets and the
 * security of others' data). The requester reads the label, never what was withheld.
 */
import { type Phrase, phrase } from '../../universal/i18n/phrase';

export const REDACTION_REASONS = {
  third_party: "to protect other people's data",
  trade_secret: 'to protect trade secrets or intellectual property',
  security: 'to protect security credentials that give access to accounts or systems',
} as const;

export type RedactionReason = keyof typeof REDACTION_REASONS;

export const REDACTION_REASON_CODES = Object.keys(REDACTION_REASONS) as [RedactionReason, ...RedactionReason[]];

/** "3 items were withheld to protect other people's data (GDPR Art. 15(4))" */
export function withheldSentence(count: number, reason: RedactionReason) {
  return `${count} item${count === 1 ? ' was' : 's were'} withheld ${REDACTION_REASONS[reason]} (GDPR Art. 15(4))`;
}

/** The same sentence as the requester reads it, in their language (the status and download pages). */
export const withheldPhrase = (count: number, reason: RedactionReason): Phrase =>
  phrase('redaction.withheld', { count, reason });

export type WithheldCount = { dataset: string; reason: RedactionReason; count: number };

/** Totals per reason, over every data set. */
export function withheldByReason(counts: WithheldCount[]) {
  const totals = new Map<RedactionReason, number>();
  for (const c of counts) totals.set(c.reason, (totals.get(c.reason) ?? 0) + c.count);
  return [...totals].map(([reason, count]) => ({ reason, count }));
}
