import { isIP } from 'node:net';
import { env } from '../env';
import { AppError } from '../errors';
import { isPrivateAddress } from '../fulfilment/connectors/network-guard';

/**
 * Refuses, when saving, a URL that names a private or loopback host outright (unless
 * WEBHOOK_PRIVATE_NETWORKS allows them). A name is checked again at every delivery, after it is
 * resolved: that check is the one that counts (a name can resolve anywhere later).
 */
export function checkEndpointUrl(url: string) {
  if (env().WEBHOOK_PRIVATE_NETWORKS) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) && isPrivateAddress(host)))
    throw new AppError('INVALID_INPUT', 'This URL points into a private network.', {
      fields: { url: ['Use a public address: private, loopback and link-local addresses are refused'] },
    });
}
