/**
 * An endpoint's signing secret in the Standard Webhooks form (`whsec_` + base64 of 32 random bytes),
 * and its sealing for storage: signing needs the secret itself, so it cannot be hashed like a token.
 */
import { randomBytes } from 'node:crypto';
import { openSealedText, sealText } from '../security/sealed-text';

const PURPOSE = 'webhook-endpoint-secret';

export function newWebhookSecret() {
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  return { secret, sealed: sealText(secret, PURPOSE) };
}

export function openWebhookSecret(sealed: string): string {
  return openSealedText(sealed, PURPOSE);
}

/** The same secret sealed under the current storage key: what the re-key job stores (lib/keys/rekey-steps.ts). */
export function resealWebhookSecret(sealed: string): string {
  return sealText(openWebhookSecret(sealed), PURPOSE);
}
