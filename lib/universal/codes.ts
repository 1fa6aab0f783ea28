/**
 * The codes the JSON API, the database and the deadline rules share. Changing one is an API change.
 */
export const REQUEST_TYPES = [
  'access',
  'correction',
  'deletion',
  'export',
  'restriction',
  'objection',
  'unsubscribe',
  'opt_out_sale',
  'limit_sensitive',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  access: 'Access — a copy of my data',
  correction: 'Correction — fix data that is wrong',
  deletion: 'Deletion — erase my data',
  export: 'Export — a machine-readable copy',
  restriction: 'Restriction — limit how my data is used',
  objection: 'Objection — stop using my data for a purpose I object to',
  unsubscribe: 'Unsubscribe — stop marketing emails',
  opt_out_sale: 'Opt out of the sale or sharing of my personal information',
  limit_sensitive: 'Limit the use of my sensitive personal information',
};

/**
 * The US states whose comprehensive privacy law the portal applies, each a jurisdiction of its own
 * (lib/deadlines/us-state-laws.ts holds their rules); a state not listed is `US-OTHER`.
 */
export const US_STATES = {
  'US-CA': 'California',
  'US-CO': 'Colorado',
  'US-CT': 'Connecticut',
  'US-DE': 'Delaware',
  'US-IN': 'Indiana',
  'US-IA': 'Iowa',
  'US-KY': 'Kentucky',
  'US-MD': 'Maryland',
  'US-MN': 'Minnesota',
  'US-MT': 'Montana',
  'US-NE': 'Nebraska',
  'US-NH': 'New Hampshire',
  'US-NJ': 'New Jersey',
  'US-OR': 'Oregon',
  'US-RI': 'Rhode Island',
  'US-TN': 'Tennessee',
  'US-TX': 'Texas',
  'US-UT': 'Utah',
  'US-VA': 'Virginia',
} as const satisfies Partial<Record<Jurisdiction, string>>;
export type UsStateJurisdiction = keyof typeof US_STATES;
export const US_STATE_JURISDICTIONS = Object.keys(US_STATES) as UsStateJurisdiction[];

export const JURISDICTIONS = [
  'EU',
  'UK',
  'US-CA',
  'US-CO',
  'US-CT',
  'US-DE',
  'US-IN',
  'US-IA',
  'US-KY',
  'US-MD',
  'US-MN',
  'US-MT',
  'US-NE',
  'US-NH',
  'US-NJ',
  'US-OR',
  'US-RI',
  'US-TN',
  'US-TX',
  'US-UT',
  'US-VA',
  'US-OTHER',
  'BR',
  'CA',
  'CA-QC',
  'OTHER',
] as const satisfies readonly string[];
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export const JURISDICTION_LABELS: Record<Jurisdiction, string> = {
  EU: 'European Union / EEA',
  UK: 'United Kingdom',
  ...(Object.fromEntries(
    Object.entries(US_STATES).map(([code, state]) => [code, `United States — ${state}`]),
  ) as Record<UsStateJurisdiction, string>),
  'US-OTHER': 'United States — another state',
  BR: 'Brazil',
  CA: 'Canada (outside Quebec)',
  'CA-QC': 'Canada — Quebec',
  OTHER: 'Somewhere else',
};

/**
 * The form's groups of places, in the order a requester scans them: countries first, then the US
 * states (alphabetical, the state without a law last), then Canada's two regimes.
 */
export const JURISDICTION_GROUPS: {
  /** Its name in the catalogs: `codes.group.<key>`. */
  key: 'europe' | 'us' | 'canada' | 'elsewhere';
  label: string;
  jurisdictions: readonly Jurisdiction[];
}[] = [
  { key: 'europe', label: 'Europe', jurisdictions: ['EU', 'UK'] },
  { key: 'us', label: 'United States', jurisdictions: [...US_STATE_JURISDICTIONS, 'US-OTHER'] },
  { key: 'canada', label: 'Canada', jurisdictions: ['CA-QC', 'CA'] },
  { key: 'elsewhere', label: 'Elsewhere', jurisdictions: ['BR', 'OTHER'] },
];

export const REQUEST_STATUSES = [
  'unverified',
  'verified',
  'in_progress',
  'awaiting_requester',
  'completed',
  'denied',
  'withdrawn',
  'expired',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Statuses in which the request is still being handled: its clock runs and it can be withdrawn. */
export const OPEN_STATUSES: readonly RequestStatus[] = ['unverified', 'verified', 'in_progress', 'awaiting_requester'];

/** A staff tag on a request: a lowercase slug such as `vip` or `media-inquiry` (the database checks the same format). */
export const REQUEST_TAG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const REQUEST_TAG_MAX_LENGTH = 40;

/** How an authorized agent proves it may act for the person (CCPA regs §7063(a) and (b)). */
export const AGENT_AUTHORIZATION_KINDS = ['signed_permission', 'power_of_attorney'] as const;
export type AgentAuthorizationKind = (typeof AGENT_AUTHORIZATION_KINDS)[number];

export const AGENT_AUTHORIZATION_LABELS: Record<AgentAuthorizationKind, string> = {
  signed_permission: 'Signed permission from the person',
  power_of_attorney: 'Power of attorney',
};
