/**
 * What each request type acted on at receipt (lib/verification/opt-outs.ts) means for the requester,
 * in one place: the confirmation email, the confirmation page and the status page say the same.
 * Browser-safe (no server imports), beside the codes it words.
 */
import type { RequestType } from './codes';

type Wording = {
  /** The request, as a noun: "your unsubscribe request". */
  noun: string;
  /** What we do, as the email says it, in the present: "we stop sending you marketing email". */
  effect: (context: { sellsOrShares: boolean }) => string;
  /** The status page's title once every system has acted. */
  honored: string;
  /** To the owner of the address, who may not have filed it: what it changes. */
  notYou: string;
};

export const ACTED_AT_RECEIPT_WORDING: Partial<Record<RequestType, Wording>> = {
  unsubscribe: {
    noun: 'unsubscribe request',
    effect: () =>
      'we stop sending marketing email to this address; notices about your account, its security and billing still reach you',
    honored: 'Unsubscribed',
    notYou: 'Anyone can ask us to stop marketing email to an address; it changes nothing else.',
  },
  opt_out_sale: {
    noun: 'opt-out of sale or sharing',
    effect: ({ sellsOrShares }) =>
      sellsOrShares
        ? 'we stop selling your personal information and sharing it for cross-context behavioural advertising'
        : 'we do not sell your personal information or share it for cross-context behavioural advertising; we have recorded your opt-out, and it applies if that ever changes',
    honored: 'Opt-out of sale and sharing honored',
    notYou: 'Anyone can opt an address out of sale or sharing; it changes nothing else.',
  },
  limit_sensitive: {
    noun: 'request to limit the use of sensitive personal information',
    effect: () =>
      'we use your sensitive personal information only as the law allows, for example to provide and secure the service',
    honored: 'Use of sensitive information limited',
    notYou: 'Anyone can ask us to limit the use of sensitive information about an address; it changes nothing else.',
  },
  objection: {
    noun: 'objection',
    effect: () =>
      'we stop the processing you object to, unless we have compelling legitimate grounds to continue, which we would explain to you',
    honored: 'Objection honored',
    notYou: 'Anyone can object to processing about an address; it changes nothing else.',
  },
};

const wordingOf = (types: readonly RequestType[]) =>
  types.flatMap((type) => {
    const wording = ACTED_AT_RECEIPT_WORDING[type];
    return wording ? [wording] : [];
  });

/** "your unsubscribe request and opt-out of sale or sharing". */
export function actedAtReceiptNoun(types: readonly RequestType[]): string {
  const nouns = wordingOf(types).map((w) => w.noun);
  return nouns.length > 1 ? `${nouns.slice(0, -1).join(', ')} and ${nouns.at(-1)}` : (nouns[0] ?? 'opt-out');
}

export function actedAtReceiptEffects(types: readonly RequestType[], context: { sellsOrShares: boolean }): string[] {
  return wordingOf(types).map((w) => w.effect(context));
}

export function actedAtReceiptNotYou(types: readonly RequestType[]): string[] {
  return wordingOf(types).map((w) => w.notYou);
}

/** The status page's title once honored: the type's own when there is one, else the common one. */
export function actedAtReceiptHonored(types: readonly RequestType[]): string {
  const wordings = wordingOf(types);
  return wordings.length === 1 ? wordings[0].honored : 'Opt-out honored';
}
