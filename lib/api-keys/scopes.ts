/**
 * What a server API key may do, as data: one row per scope, with what it allows. A route names the
 * scope it needs; a key holds a list of them. The staff API will add its own rows here.
 */
export const API_KEY_SCOPES = [
  {
    scope: 'opt-outs:write',
    label: 'Report opt-out preference signals (POST /api/v1/opt-outs)',
    source: 'CCPA regs 11 CCR §7025(c)(1): a signal is an opt-out for the consumer, if known',
  },
] as const;

export type ApiKeyScope = (typeof API_KEY_SCOPES)[number]['scope'];

export const API_KEY_SCOPE_NAMES = API_KEY_SCOPES.map((s) => s.scope) as [ApiKeyScope, ...ApiKeyScope[]];
