/**
 * What each staff role may do. Every staff action and route checks one of these on the server;
 * the authorization matrix test holds every entry point to this table.
 */
export type StaffRole = 'admin' | 'reviewer' | 'viewer';

export const PERMISSIONS = {
  /** See the queue and request details (viewers see personal data masked). */
  'requests.read': ['admin', 'reviewer', 'viewer'],
  /** Reveal a requester's email and name (audited). */
  'requests.reveal': ['admin', 'reviewer'],
  /** Open an authorized agent's proof (signed permission, power of attorney); every view audited. */
  'agents.proof.view': ['admin', 'reviewer'],
  /** Assign, ask, extend, deny, complete, notes. */
  'requests.work': ['admin', 'reviewer'],
  /** Reopen a closed request, bulk-deny duplicates or spam. */
  'requests.admin': ['admin'],
  /** Invite, deactivate and change the role of staff. */
  'staff.manage': ['admin'],
  /** Edit the data inventory and its connectors; close a fulfilment task without doing it (audited). */
  'inventory.manage': ['admin'],
  /** Add, rotate the key of, and disable the Authorized Agents the DRP API trusts (lib/drp); audited. */
  'drp.agents.manage': ['admin'],
  /** Create, rotate and revoke server API keys (lib/api-keys/); audited. */
  'api-keys.manage': ['admin'],
  /** Add, enable, disable, re-key and delete outbound webhook endpoints; read their delivery log (audited). */
  'webhooks.manage': ['admin'],
  /** Create, edit, reorder, enable, disable and delete assignment rules (every change audited). */
  'rules.manage': ['admin'],
  /** Edit the words of the requester's emails and the standard staff messages, per language; revert (audited). */
  'templates.manage': ['admin'],
  /** Export the audit log. */
  'audit.export': ['admin'],
  /** The metrics page and the CCPA §7102 report. */
  'metrics.read': ['admin', 'reviewer'],
  /** Export the §7101 records of requests. */
  'records.export': ['admin'],
  /** Place and lift legal holds (they stop the retention purge). */
  'records.hold': ['admin'],
  /** Open identity documents requesters uploaded (each view audited) and accept or reject them. */
  'evidence.review': ['admin', 'reviewer'],
  /** Preview a request's data sets, withhold fields and rows from its package, release it (all audited). */
  'packages.review': ['admin', 'reviewer'],
  /** Define the redaction patterns every package applies (emails, phones, secrets, custom expressions). */
  'redaction.patterns': ['admin'],
  /** Tell a complainant the outcome of their complaint (UK DPA 2018 s.164A(4)); audited. */
  'complaints.resolve': ['admin', 'reviewer'],
  /** Decide a requester's appeal (never the person who made the decision appealed). */
  'appeals.decide': ['admin'],
  /** Take the regime's one extension of an appeal's decision period (Colorado 45 + 60), with reasons. */
  'appeals.extend': ['admin'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: StaffRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly StaffRole[]).includes(role);
}
