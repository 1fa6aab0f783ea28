/**
 * The client's address, decided where the connection is still known: scripts/app-server.ts calls
 * `assignClientAddress` on every request before Next.js sees it. The client is the connection's peer,
 * unless that peer is one of TRUSTED_PROXIES; then X-Forwarded-For is read from the right, past every
 * trusted hop, and the first address not trusted is the client (proxy-addr, express's implementation
 * of that rule). The answer replaces X-Forwarded-For, and every other header in which a client could
 * name an address is dropped, so route handlers, server actions and next-auth all read one address
 * that no client chose (lib/http/client-info.ts).
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import proxyaddr from 'proxy-addr';

/** Whether `address`, `hop` steps from this server, is a proxy we believe. */
export type TrustProxy = (address: string, hop: number) => boolean;

/** Headers that name the client's address in some deployment or other; none of them is read here. */
const ADDRESS_HEADERS = [
  'x-real-ip',
  'forwarded',
  'true-client-ip',
  'cf-connecting-ip',
  'fastly-client-ip',
  'x-client-ip',
  'x-cluster-client-ip',
  'x-original-forwarded-for',
];

/** What a proxy says about the public URL: believed from a trusted proxy only, else Next.js fills them in. */
const PROXY_HEADERS = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port'];

/** `entries` as lib/env.ts validated them (TRUSTED_PROXIES); none trusts no one. */
export function trustProxies(entries: readonly string[]): TrustProxy {
  return entries.length ? proxyaddr.compile([...entries]) : () => false;
}

/** One spelling per address: an IPv4-mapped IPv6 address as IPv4, IPv6 in its short lower-case form. */
function canonical(address: string): string {
  try {
    return ipaddr.process(address).toString();
  } catch {
    return address;
  }
}

/**
 * The client's address, or null when the connection has none. An entry that is not an address
 * (`unknown`, `203.0.113.9:443`, `127.1`) ends the walk like any untrusted hop would, but is not taken:
 * the client is then the nearest hop that is an address, the trusted proxy that passed the entry on.
 * Reading past it would take an address from whoever wrote the bad entry, who is not trusted.
 */
export function resolveClientAddress(request: Pick<IncomingMessage, 'headers' | 'socket'>, trust: TrustProxy) {
  // From the peer outwards: the peer, each trusted hop, then the first untrusted entry.
  const chain = proxyaddr.all(request as IncomingMessage, trust);
  for (let hop = chain.length - 1; hop >= 0; hop--) {
    const address = chain[hop];
    if (address && isIP(address)) return canonical(address);
  }
  return null;
}

function isLoopback(address: string) {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/** Rewrites `request`'s headers in place: X-Forwarded-For is the resolved client alone (or absent). */
export function assignClientAddress(request: IncomingMessage, trust: TrustProxy) {
  const peer = request.socket.remoteAddress;
  // Next.js forwards a server action to the worker that owns it by fetching itself on loopback, with
  // the headers this function already set on the way in (one address at most): they stay as they are.
  // A proxy on this machine that appends to X-Forwarded-For makes a list, which is resolved as usual.
  const forwardedFor = request.headers['x-forwarded-for'];
  if (
    request.headers['x-action-forwarded'] === '1' &&
    peer !== undefined &&
    isLoopback(peer) &&
    (forwardedFor === undefined || (typeof forwardedFor === 'string' && isIP(forwardedFor) !== 0))
  )
    return;
  const address = resolveClientAddress(request, trust);
  const fromTrustedProxy = peer !== undefined && trust(peer, 0);
  for (const name of ADDRESS_HEADERS) delete request.headers[name];
  if (!fromTrustedProxy) {
    for (const name of PROXY_HEADERS) delete request.headers[name];
  }
  if (address) request.headers['x-forwarded-for'] = address;
  else delete request.headers['x-forwarded-for'];
}
