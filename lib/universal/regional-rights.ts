/**
 * Rights that only some regimes give, per regime, as data: the form offers such a type only where
 * the regime has it, and the one request schema refuses it elsewhere (docs/rights-law.md "One request
 * type per right"). Every other request type is offered everywhere. A state whose law adds a right
 * is a row here; browser-safe, because the form reads it.
 */
import { type Jurisdiction, type RequestType, US_STATE_JURISDICTIONS, US_STATES } from './codes';

/** The types offered only where a regime's law gives them. */
export const REGIONAL_REQUEST_TYPES = ['opt_out_sale', 'limit_sensitive'] as const satisfies readonly RequestType[];
export type RegionalRequestType = (typeof REGIONAL_REQUEST_TYPES)[number];

type RegionalRights = { types: readonly RegionalRequestType[]; sources: readonly string[] };

// Every state with a comprehensive privacy law gives the opt-out of sale (and of targeted
// advertising); the rows below name the ones read in their text, and say more where the law does.
const STATE_OPT_OUT = Object.fromEntries(
  US_STATE_JURISDICTIONS.map((state): [string, RegionalRights] => [
    state,
    {
      types: ['opt_out_sale'],
      sources: [
        `${US_STATES[state]} comprehensive privacy law: opt out of the sale of personal data and targeted advertising [S]`,
      ],
    },
  ]),
) as Partial<Record<Jurisdiction, RegionalRights>>;

export const REGIONAL_RIGHTS: Partial<Record<Jurisdiction, RegionalRights>> = {
  ...STATE_OPT_OUT,
  'US-CA': {
    types: ['opt_out_sale', 'limit_sensitive'],
    sources: [
      'Cal. Civ. Code §1798.120: right to opt out of the sale or sharing of personal information [S]',
      'Cal. Civ. Code §1798.121; CCPA regs 11 CCR §7027: right to limit the use of sensitive personal information [P]',
    ],
  },
  'US-VA': {
    types: ['opt_out_sale'],
    sources: ['Va. Code §59.1-577(A)(5): opt out of targeted advertising, sale, or profiling [S]'],
  },
  'US-CO': {
    types: ['opt_out_sale'],
    sources: ['C.R.S. 6-1-1306(1)(a): opt out of targeted advertising, sale, or profiling [S]'],
  },
  // Not every other state has such a law; Bitstride honors the opt-out wherever in the US [policy].
  'US-OTHER': {
    types: ['opt_out_sale'],
    sources: [
      'Bitstride policy: the opt-out of sale/sharing most US state privacy laws give, for every US resident [policy]',
    ],
  },
};

/** Whether the regime gives this right: true for every type that is not regional. */
export function isOfferedIn(jurisdiction: string, type: RequestType): boolean {
  if (!(REGIONAL_REQUEST_TYPES as readonly RequestType[]).includes(type)) return true;
  return REGIONAL_RIGHTS[jurisdiction as Jurisdiction]?.types.includes(type as RegionalRequestType) ?? false;
}

/** The regimes that give a regional right, for the form (which shows it only once one of them is chosen). */
export function regimesOffering(type: RegionalRequestType): Jurisdiction[] {
  return (Object.entries(REGIONAL_RIGHTS) as [Jurisdiction, RegionalRights][])
    .filter(([, rights]) => rights.types.includes(type))
    .map(([jurisdiction]) => jurisdiction);
}
