import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { scopedEnv } from '../../tests/support/scoped-env';
import { env } from '../env';
import { assignClientAddress, resolveClientAddress, trustProxies } from './client-address';

/** A request as Node's HTTP server hands it over: the connection's peer and the headers as sent. */
function arriving(peer: string | undefined, headers: IncomingHttpHeaders = {}) {
  return { socket: { remoteAddress: peer }, headers } as unknown as IncomingMessage;
}

const resolve = (peer: string | undefined, forwardedFor: string | undefined, trusted: string[] = []) =>
  resolveClientAddress(arriving(peer, { 'x-forwarded-for': forwardedFor }), trustProxies(trusted));

describe('with no trusted proxy', () => {
  it('the client is the peer, whatever the headers say', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('198.51.100.7', '::ffff:198.51.100.7', '2001:db8::7'),
        fc.record({
          'x-forwarded-for': fc.option(fc.oneof(fc.string(), fc.ipV4(), fc.ipV6()), { nil: undefined }),
          'x-real-ip': fc.option(fc.ipV4(), { nil: undefined }),
          forwarded: fc.option(fc.string(), { nil: undefined }),
        }),
        (peer, headers) => {
          const request = arriving(peer, { ...headers });
          assignClientAddress(request, trustProxies([]));
          const expected = peer === '2001:db8::7' ? peer : '198.51.100.7';
          expect(request.headers['x-forwarded-for']).toBe(expected);
          expect(request.headers['x-real-ip']).toBeUndefined();
          expect(request.headers.forwarded).toBeUndefined();
        },
      ),
    );
  });

  it('drops what a client says about the public URL, and every other address header', () => {
    const request = arriving('203.0.113.20', {
      host: 'privacy.example.com',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
      'x-forwarded-port': '443',
      'true-client-ip': '192.0.2.1',
      'cf-connecting-ip': '192.0.2.2',
      'x-client-ip': '192.0.2.3',
    });
    assignClientAddress(request, trustProxies([]));
    expect(request.headers).toEqual({ host: 'privacy.example.com', 'x-forwarded-for': '203.0.113.20' });
  });

  it("leaves Next.js's own forwarded server-action request as it is, and only that, only on loopback", () => {
    const headers = {
      host: 'localhost:3107',
      'x-action-forwarded': '1',
      'x-forwarded-host': '127.0.0.1:3107',
      'x-forwarded-for': '203.0.113.9',
    };
    const internal = arriving('127.0.0.1', { ...headers });
    assignClientAddress(internal, trustProxies([]));
    expect(internal.headers).toEqual(headers);
    const outside = arriving('198.51.100.3', { ...headers });
    assignClientAddress(outside, trustProxies([]));
    expect(outside.headers).toEqual({
      host: 'localhost:3107',
      'x-action-forwarded': '1',
      'x-forwarded-for': '198.51.100.3',
    });
  });

  it('a connection without a peer address has no client address, and no header claims one', () => {
    const request = arriving(undefined, { 'x-forwarded-for': '203.0.113.9' });
    assignClientAddress(request, trustProxies([]));
    expect(request.headers['x-forwarded-for']).toBeUndefined();
  });
});

describe('behind trusted proxies', () => {
  it('reads X-Forwarded-For from the right, past every trusted hop', () => {
    // The client prepended 192.0.2.66 itself; the load balancer appended the real client, then the
    // inner proxy its own neighbour.
    expect(resolve('10.0.0.2', '192.0.2.66, 203.0.113.9, 10.0.0.5', ['10.0.0.0/8'])).toBe('203.0.113.9');
    expect(resolve('10.0.0.2', '203.0.113.9', ['10.0.0.0/8'])).toBe('203.0.113.9');
    // One hop trusted, the next not: that next one is the client even though a trusted range is further left.
    expect(resolve('127.0.0.1', '10.0.0.5, 198.51.100.3', ['loopback', '10.0.0.0/8'])).toBe('198.51.100.3');
  });

  it('believes no header from a peer that is not one of them', () => {
    expect(resolve('198.51.100.3', '203.0.113.9', ['10.0.0.0/8'])).toBe('198.51.100.3');
    const request = arriving('198.51.100.3', { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-host': 'evil.example' });
    assignClientAddress(request, trustProxies(['10.0.0.0/8']));
    expect(request.headers).toEqual({ 'x-forwarded-for': '198.51.100.3' });
  });

  it('keeps what a trusted proxy says about the public URL', () => {
    const request = arriving('10.0.0.2', {
      'x-forwarded-for': '203.0.113.9',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'privacy.example.com',
      'x-real-ip': '192.0.2.1',
    });
    assignClientAddress(request, trustProxies(['10.0.0.0/8']));
    expect(request.headers).toEqual({
      'x-forwarded-for': '203.0.113.9',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'privacy.example.com',
    });
  });

  it('when every hop is trusted, the client is the furthest one', () => {
    expect(resolve('127.0.0.1', '10.1.2.3, 10.0.0.5', ['loopback', 'uniquelocal'])).toBe('10.1.2.3');
    expect(resolve('127.0.0.1', undefined, ['loopback'])).toBe('127.0.0.1');
  });

  it('IPv6 and IPv4-mapped addresses: matched against the ranges, answered in one spelling', () => {
    expect(resolve('2001:db8::1', '2606:4700:0:0:0:0:0:1111', ['2001:db8::/32'])).toBe('2606:4700::1111');
    expect(resolve('2001:db8::1', '2606:4700::1111, 2001:db8::2', ['2001:db8::/32'])).toBe('2606:4700::1111');
    // A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d; an IPv4 range still matches them.
    expect(resolve('::ffff:127.0.0.1', '::ffff:203.0.113.9', ['127.0.0.1'])).toBe('203.0.113.9');
    expect(resolve('::ffff:127.0.0.1', '2001:db8::9', ['loopback'])).toBe('2001:db8::9');
    expect(resolve('::1', '198.51.100.4', ['loopback'])).toBe('198.51.100.4');
    expect(resolve('::ffff:10.0.0.2', '203.0.113.9', ['127.0.0.1'])).toBe('10.0.0.2');
  });

  it('an entry that is not an address is never the answer: the proxy that passed it on is', () => {
    for (const bad of ['unknown', 'garbage', '203.0.113.9:443', '[2001:db8::9]:443', '127.1', '999.1.1.1', '_hidden'])
      expect(resolve('127.0.0.1', `192.0.2.66, ${bad}`, ['loopback']), bad).toBe('127.0.0.1');
    expect(resolve('127.0.0.1', '198.51.100.4, unknown, 10.0.0.5', ['loopback', '10.0.0.0/8'])).toBe('10.0.0.5');
    // Empty entries and stray spaces are no entries at all.
    expect(resolve('127.0.0.1', ' , ,203.0.113.9 , ', ['loopback'])).toBe('203.0.113.9');
  });
});

describe('TRUSTED_PROXIES', () => {
  const settings = scopedEnv(['TRUSTED_PROXIES']);
  afterEach(() => settings.restore());

  it('unset, trusts no one', () => {
    settings.set({});
    expect(env().TRUSTED_PROXIES).toEqual([]);
  });

  it('takes addresses, CIDR ranges and named ranges (private is uniquelocal), separated by commas', () => {
    settings.set({ TRUSTED_PROXIES: ' 192.0.2.10, 10.0.0.0/8 ,2001:db8::/32,Loopback, private,' });
    const entries = env().TRUSTED_PROXIES;
    expect(entries).toEqual(['192.0.2.10', '10.0.0.0/8', '2001:db8::/32', 'loopback', 'uniquelocal']);
    const trust = trustProxies(entries);
    for (const address of ['192.0.2.10', '10.9.8.7', '172.16.0.1', '192.168.1.1', '2001:db8::5', '::1', '127.0.0.2'])
      expect(trust(address, 0), address).toBe(true);
    for (const address of ['192.0.2.11', '203.0.113.9', '2606:4700::1111'])
      expect(trust(address, 0), address).toBe(false);
  });

  it('refuses anything else, naming the variable', () => {
    for (const bad of ['proxy.internal', '10.0.0.0/33', '300.1.1.1', 'everyone']) {
      settings.set({ TRUSTED_PROXIES: bad });
      expect(() => env(), bad).toThrow(/TRUSTED_PROXIES: must be IP addresses, CIDR ranges or loopback/);
    }
  });
});
