/**
 * The authorities the rules name (lib/deadlines/rules.ts, us-state-laws.ts), in the reader's words.
 * The rules keep one English name per authority; each is matched here to its catalog entry, which
 * gives the authority's official name in that language where it has one (Commissariat à la
 * protection de la vie privée du Canada, Autoridade Nacional de Proteção de Dados) and keeps the
 * official name otherwise. A state keeps its own name, as its law writes it. A name set in a
 * deployment's own rules that is not listed here goes as written.
 */
import { type Phrase, phrase } from './phrase';
import type { MessageKey } from './translator';

const NAMED: Record<string, MessageKey> = {
  'the data protection supervisory authority of the EU or EEA country where you live or work': 'legal.authority.eu',
  "the Information Commissioner's Office (ICO)": 'legal.authority.ico',
  'the Attorney General of your state': 'legal.authority.yourStateAg',
  'the National Data Protection Authority (ANPD)': 'legal.authority.anpd',
  'the Office of the Privacy Commissioner of Canada': 'legal.authority.opc',
  "the Commission d'accès à l'information du Québec (CAI)": 'legal.authority.cai',
  'the California Privacy Protection Agency': 'legal.authority.cppa',
};

/** "the Virginia Attorney General", "the Oregon Attorney General (Department of Justice)". */
const STATE_AG = /^the (.+?) Attorney General(?: \((.+)\))?$/;

/** The authority's name in the reader's words, and its address after it when it has one. */
export function authorityPhrase(authority: { name: string; url?: string | null }): Phrase {
  const state = STATE_AG.exec(authority.name);
  const name: Phrase = NAMED[authority.name]
    ? phrase(NAMED[authority.name])
    : state
      ? state[2]
        ? phrase('legal.authority.stateAgOffice', { state: state[1], office: state[2] })
        : phrase('legal.authority.stateAg', { state: state[1] })
      : phrase('legal.authority.asWritten', { name: authority.name });
  return authority.url ? phrase('legal.authority.withUrl', { authority: name, url: authority.url }) : name;
}
