/**
 * What the data package says about retention when a category's period is not confirmed by an admin:
 * the criteria Bitstride's privacy policy states (its "Retention" section), not a number it does not.
 * GDPR Art. 15(1)(d) asks for the period "or, if not possible, the criteria used to determine that
 * period". [policy] the privacy policy, "Retention"; [S] GDPR Art. 15(1)(d).
 */
export const POLICY_RETENTION_CRITERIA =
  'as long as needed to provide the services, comply with legal obligations, resolve disputes, enforce agreements, maintain security and support legitimate business needs; the period varies with account status, data type, plan and configuration (the criteria in our privacy policy)';

/** The retention a category states in the package: its period once confirmed, the policy's criteria until then. */
export function packageRetention(category: { retention: string; retentionConfirmedAt: Date | null }) {
  return category.retentionConfirmedAt ? category.retention : POLICY_RETENTION_CRITERIA;
}
