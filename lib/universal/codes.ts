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

export const JURISDICTIONS = ['EU', 'UK', 'US-CA', 'US-VA', 'US-CO', 'US-OTHER', 'BR', 'CA', 'OTHER'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export const JURISDICTION_LABELS: Record<Jurisdiction, string> = {
  EU: 'European Union / EEA',
  UK: 'United Kingdom',
  'US-CA': 'United States — California',
  'US-VA': 'United States — Virginia',
  'US-CO': 'United States — Colorado',
  'US-OTHER': 'United States — another state',
  BR: 'Brazil',
  CA: 'Canada',
  OTHER: 'Somewhere else',
};

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

/** How an authorized agent proves it may act for the person (CCPA regs §7063(a) and (b)). */
export const AGENT_AUTHORIZATION_KINDS = ['signed_permission', 'power_of_attorney'] as const;
export type AgentAuthorizationKind = (typeof AGENT_AUTHORIZATION_KINDS)[number];

export const AGENT_AUTHORIZATION_LABELS: Record<AgentAuthorizationKind, string> = {
  signed_permission: 'Signed permission from the person',
  power_of_attorney: 'Power of attorney',
};
