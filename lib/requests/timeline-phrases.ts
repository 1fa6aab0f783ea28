/**
 * The status page's timeline in the requester's language. An event's summary is stored in English
 * (the audit trail's own words); the page shows a phrase instead, from the catalog, when it can:
 * an event whose summary carries a date, a name or a list is worded from the values its audit data
 * keeps (so events recorded before this table read in every language too), and a fixed summary is
 * found by its English words among the catalog's `timeline.` messages. Anything else stays English.
 */
import { CATALOGS } from '../i18n/catalogs';
import type { RequestType } from '../universal/codes';
import { ACTED_AT_RECEIPT_WORDING } from '../universal/opt-out-wording';
import { type Phrase, phrase } from '../universal/i18n/phrase';
import type { MessageKey } from '../universal/i18n/translator';

type Data = Record<string, unknown>;
const iso = (value: unknown) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : null);
const code = (value: unknown) => (typeof value === 'string' ? value : null);

const dated =
  (key: MessageKey) =>
  (data: Data, _summary: string, timeZone: string): Phrase | null => {
    const dueAt = iso(data.dueAt);
    return dueAt ? phrase(key, { dueOn: { instant: dueAt, timeZone } }) : null;
  };

const types = (data: Data) =>
  Array.isArray(data.types) && data.types.length > 0
    ? { list: (data.types as RequestType[]).map((t) => phrase(`codes.typeName.${t}`)) }
    : null;

/** The kind of proof, from the summary the writers word ("…the declaration you sent…"). */
const proofKind = (summary: string) => (/\bdeclaration\b/.test(summary) ? 'declaration' : 'document');

/** The types acted on at receipt, each by its noun ("unsubscribe request"), from the event's types. */
const actedOnNouns = (data: Data) => {
  const acted = Array.isArray(data.types)
    ? (data.types as RequestType[]).filter((type) => Object.hasOwn(ACTED_AT_RECEIPT_WORDING, type))
    : [];
  return acted.length > 0 ? { list: acted.map((type) => phrase('optOut.noun', { type })) } : null;
};

const FROM_DATA: Record<string, (data: Data, summary: string, timeZone: string) => Phrase | null> = {
  'request.submitted': (data, summary) => {
    // A request of opt-outs only, acted on at receipt (lib/requests/submit-opt-out.ts); the other
    // receipts are fixed summaries.
    const nouns = summary.startsWith('Received (') ? actedOnNouns(data) : null;
    return nouns ? phrase('timeline.opt-out.received', { nouns }) : null;
  },
  'clock.resumed': dated('timeline.clock.resumed'),
  'deadline.extended': dated('timeline.deadline.extended'),
  'appeal.extended': dated('timeline.appeal.extended'),
  'request.withdrawn': (data, summary) => {
    // The agent's name is its own, in every language; the summary is where it is kept.
    const agent = data.via === 'drp' ? /^Withdrawn by the authorized agent (.+)$/.exec(summary)?.[1] : null;
    return agent ? phrase('timeline.request.withdrawnByAgent', { agent }) : null;
  },
  'request.types_completed': (data) => {
    const list = types(data);
    return list ? phrase('timeline.request.types_completed', { types: list }) : null;
  },
  'opt-out.honored': (data) => {
    const list = types(data);
    return list ? phrase('timeline.opt-out.honored', { types: list }) : null;
  },
  'verification.check_succeeded': (data) => {
    const method = code(data.method);
    const level = code(data.level);
    return method && level ? phrase('timeline.verification.check_succeeded', { method, level }) : null;
  },
  'verification.stronger_proof_asked': (data) => {
    const level = code(data.level);
    return level ? phrase('timeline.verification.stronger_proof_asked', { level }) : null;
  },
  'evidence.accepted': (_data, summary) => phrase('timeline.evidence.accepted', { kind: proofKind(summary) }),
  'evidence.rejected': (_data, summary) => phrase('timeline.evidence.rejected', { kind: proofKind(summary) }),
};

let fixed: Map<string, MessageKey> | undefined;

/** Every `timeline.` message without placeholders, by its English words. */
function fixedSummaries() {
  fixed ??= new Map(
    Object.entries(CATALOGS.en)
      .filter(([key, message]) => key.startsWith('timeline.') && message && !message.includes('{'))
      .map(([key, message]) => [message as string, key as MessageKey]),
  );
  return fixed;
}

/** The event as a phrase in the reader's language, or null where only its English summary says it. */
export function timelinePhrase(event: { action: string; summary: string; data: unknown }, timeZone: string) {
  const data = typeof event.data === 'object' && event.data !== null ? (event.data as Data) : {};
  const fromData = FROM_DATA[event.action]?.(data, event.summary, timeZone);
  if (fromData) return fromData;
  const key = fixedSummaries().get(event.summary);
  return key ? phrase(key) : null;
}
