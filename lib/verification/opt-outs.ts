/**
 * The request types that are opt-outs: the law lets a person stop a use of their data without
 * proving who they are, so the portal acts on them at receipt, with no verification link and no
 * expiry. A request of opt-outs only starts `in_progress` and its tasks are created at once; a request
 * that also asks for something else (access, deletion…) has its opt-out tasks created at once and
 * waits for verification for the rest.
 *
 * Adding an opt-out is adding a row here with its source; intake, the fulfilment tasks, the status
 * page and the API follow from this list. Its rows in level-rules.ts (`beforeWork: 'none'`) say the same for staff's verification panel: keep them in step.
 */
import type { RequestType } from '../universal/codes';

export type OptOutRule = {
  type: RequestType;
  /** Why no verification may be asked for, in the law's words (docs/rights-law.md §6). */
  sources: readonly string[];
};

export const OPT_OUTS: readonly OptOutRule[] = [
  {
    type: 'unsubscribe',
    sources: [
      'CAN-SPAM 15 U.S.C. §7704(a)(4): an opt-out is honoured without asking for more than an email address or a reply [P]',
      'CASL s.11(3): an unsubscribe is given effect without delay [S]',
      'GDPR Art. 21(3) (and UK GDPR): where the data subject objects to direct marketing, the data shall no longer be processed for it, without condition [P]',
    ],
  },
  {
    type: 'opt_out_sale',
    sources: [
      'CCPA regs 11 CCR §7026(d): a request to opt out of sale/sharing need not be a verifiable consumer request; the business shall not require verification [S]',
      'CCPA regs 11 CCR §7060(b): a business shall not require a consumer to verify a request to opt out or to limit [S]',
      'Va. Code §59.1-577(B); C.R.S. 6-1-1306(1)(a)(III): an opt-out is not authenticated beyond what the request needs [S]',
    ],
  },
  {
    type: 'limit_sensitive',
    sources: [
      'CCPA regs 11 CCR §7027(e): a business shall not require a verifiable consumer request for a request to limit [P]',
    ],
  },
  {
    // An Art. 21(1) objection to processing other than direct marketing is strictly not an opt-out
    // (the controller may show compelling grounds), but once made the processing stops unless such
    // grounds are shown, and it acts only on the address's own records: the portal acts on it at
    // receipt, as it did before objection and unsubscribing were two types (docs/rights-law.md).
    type: 'objection',
    sources: [
      'GDPR Art. 21(1) (and UK GDPR): the controller shall no longer process the data unless it demonstrates compelling legitimate grounds [P]',
      'GDPR Art. 12(2), 12(6): act on the request; ask for identity only with reasonable doubts [P]',
    ],
  },
];

const OPT_OUT_TYPES: ReadonlySet<RequestType> = new Set(OPT_OUTS.map((rule) => rule.type));

export function isOptOut(type: RequestType): boolean {
  return OPT_OUT_TYPES.has(type);
}

/** The request's types that are opt-outs, in the request's order. */
export function optOutTypes(types: readonly RequestType[]): RequestType[] {
  return types.filter(isOptOut);
}

/** True when every type of the request is an opt-out: it needs no verification at all. */
export function isOptOutOnly(types: readonly RequestType[]): boolean {
  return types.length > 0 && types.every(isOptOut);
}
