/**
 * Quebec's notices, in French first (the requester is served in French: Charter of the French
 * language s.55 ff. [S]) and then in the request's language when it is not French, from the Act
 * respecting the protection of personal information in the private sector (CQLR c. P-39.1),
 * rights-law.md §1 and §4. The French is fr-CA's (lib/universal/i18n/messages/fr-CA.json): the
 * Commission d'accès à l'information is named in every language.
 */
import { type Phrase, phrase } from '../universal/i18n/phrase';

/** The same notice bound to French, then in the reader's language (lib/i18n/say-phrases.ts drops the repeat for a French reader). */
const frenchFirst = (p: Phrase): Phrase[] => [{ ...p, lang: 'fr-CA' }, p];

/** s.32: 30 days, no extension, and silence counts as refusal [P]; s.42-43: recourse to the CAI [S]. */
export function quebecTimeLimitNotice(dueAt: Date, timeZone: string): Phrase[] {
  return frenchFirst(phrase('legal.qc.timeLimit', { dueOn: { instant: dueAt.toISOString(), timeZone } }));
}

/** s.34: a refusal gives its reasons, the provision relied on, and the recourse with its time limit [S]. */
export function quebecDenialNotices(contactEmail: string): Phrase[] {
  return frenchFirst(phrase('legal.qc.denial', { contactEmail }));
}
