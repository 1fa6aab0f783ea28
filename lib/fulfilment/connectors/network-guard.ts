/**
 * SSRF guard for webhook connectors: the hostname is resolved once, every address is checked, and
 * the connection goes to the checked address (no second lookup an attacker's DNS could change).
 * Private, loopback, link-local, CGNAT, multicast and unspecified ranges are refused unless an
 * admin allowed the system to reach them.
 */
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { ConnectorError } from './connector-error';

const BLOCKED_V4: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

function v4ToInt(ip: string) {
  return ip.split('.').reduce((n, o) => (n << 8) + Number(o), 0) >>> 0;
}

export function isPrivateAddress(ip: string): boolean {
  if (net.isIPv4(ip)) {
    const n = v4ToInt(ip);
    return BLOCKED_V4.some(([base, bits]) => n >>> (32 - bits) === v4ToInt(base) >>> (32 - bits));
  }
  const lower = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return isPrivateAddress(mapped[1]);
  return lower === '::' || lower === '::1' || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || /^ff/.test(lower);
}

/** The address to connect to, after the check. */
export async function resolveAllowed(
  hostname: string,
  allowPrivateNetwork: boolean,
): Promise<{ address: string; family: 4 | 6 }> {
  const host = hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  try {
    addresses = net.isIP(host) ? [{ address: host, family: net.isIP(host) }] : await lookup(host, { all: true });
  } catch {
    throw new ConnectorError(`The webhook host ${hostname} could not be resolved.`, true);
  }
  if (addresses.length === 0) throw new ConnectorError(`The webhook host ${hostname} has no address.`, true);
  if (!allowPrivateNetwork && addresses.some((a) => isPrivateAddress(a.address))) {
    throw new ConnectorError(
      `The webhook URL resolves to a private or loopback address; an admin must allow private networks for this system.`,
      false,
    );
  }
  return { address: addresses[0].address, family: addresses[0].family === 6 ? 6 : 4 };
}

export type CheckedAddress = { address: string; family: 4 | 6 };

/**
 * A JSON POST to `url` over a connection to `address`, the one `resolveAllowed` checked: never to a
 * second lookup's answer. The caller reads the answer in `onResponse`, handles the request's
 * 'error' and 'timeout' (the socket's idle time), and ends it with the body.
 */
export function postToCheckedAddress(
  url: URL,
  address: CheckedAddress,
  body: string,
  options: { headers: Record<string, string>; userAgent: string; timeoutMs: number },
  onResponse: (res: http.IncomingMessage) => void,
): http.ClientRequest {
  const client = url.protocol === 'https:' ? https : http;
  return client.request(
    url,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': options.userAgent,
        ...options.headers,
      },
      timeout: options.timeoutMs,
      lookup: (_host, lookupOptions, callback) => {
        if ((lookupOptions as { all?: boolean }).all)
          (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [address]);
        else (callback as (e: null, a: string, f: number) => void)(null, address.address, address.family);
      },
    },
    onResponse,
  );
}
