/**
 * Global Privacy Control (W3C GPC, https://w3c.github.io/gpc/): the browser sends `Sec-GPC: 1` with
 * every request, and pages with script read `navigator.globalPrivacyControl`. California treats it as
 * a request to opt out of sale/sharing (CCPA regs 11 CCR §7025(c)(1)) and, since 1 January 2026,
 * requires the site to show whether it was processed (§7025(c)(6): "Opt-Out Request Honored").
 */
export { GPC_FORM_FIELD, GPC_SIGNAL } from '../universal/gpc';

/** The day this site's GPC support (`/.well-known/gpc.json`) last changed: change it with the support. */
export const GPC_LAST_UPDATE = '2026-12-02';

/** Whether the request carries the signal: the header's only valid value is "1" (GPC §3.3). */
export function hasGpcHeader(headers: Headers): boolean {
  return headers.get('sec-gpc')?.trim() === '1';
}

/** The document `/.well-known/gpc.json` serves (GPC §3.5): this site honors the signal. */
export function gpcSupportResource() {
  return { gpc: true, lastUpdate: GPC_LAST_UPDATE };
}
