/**
 * A webhook connector's shared secret (`data_system.webhook_secret`), sealed under the storage key
 * like a webhook endpoint's (lib/security/sealed-text.ts): the portal signs jobs and checks callbacks
 * with the secret itself, so it is kept sealed, never hashed.
 *
 * Plain or sealed: rows written before sealing keep the secret in plain text, and it keeps working
 * until the re-key job seals it (lib/keys/rekey-steps.ts). A stored value is taken as sealed only
 * when it has the whole sealed form (`v2.<16 hex>.<base64url>`, or `v1.<base64url>`, long enough to
 * hold a nonce and a tag); anything else is a plain legacy secret. A new secret beginning `v1.` or
 * `v2.` is refused (lib/fulfilment/schemas.ts), and every new one is stored sealed, so only a legacy
 * secret that has the whole sealed form could be misread: opening it then fails loudly (the task
 * fails, naming the problem) rather than signing with the wrong secret.
 */
import { hasSealedForm, sealedColumn } from '../security/sealed-text';

const column = sealedColumn('fulfilment-connector-secret');

/** Whether a stored value has the sealed form (else it is a plain secret kept from before sealing). */
export function isSealedConnectorSecret(stored: string): boolean {
  return hasSealedForm(stored);
}

export const sealConnectorSecret = column.seal;

/** The secret to sign and verify with: opened when sealed, as it is when a plain legacy value. */
export const openConnectorSecret = column.open;

/**
 * What the re-key job stores: the secret sealed under the current storage key, or null when it is
 * sealed under it already. A plain value is sealed; a sealed one is opened with the key its id names.
 */
export const resealConnectorSecret = column.reseal;
