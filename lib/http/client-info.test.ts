import { describe, expect, it } from 'vitest';
import { clientInfo } from './client-info';

describe('clientInfo', () => {
  it('takes the address the app server resolved, trimmed', () => {
    expect(clientInfo(new Headers({ 'x-forwarded-for': ' 203.0.113.7 ' })).ip).toBe('203.0.113.7');
  });

  it('reads the nearest hop should a list ever arrive, and nothing else', () => {
    expect(clientInfo(new Headers({ 'x-forwarded-for': '192.0.2.66, 203.0.113.7' })).ip).toBe('203.0.113.7');
    // X-Real-IP is the client's word: the app server drops it, and it is never read.
    expect(clientInfo(new Headers({ 'x-real-ip': '198.51.100.4' })).ip).toBeNull();
    expect(clientInfo(new Headers({ 'x-forwarded-for': ' ' })).ip).toBeNull();
    expect(clientInfo(new Headers()).ip).toBeNull();
  });

  it('passes the user agent through', () => {
    expect(clientInfo(new Headers({ 'user-agent': 'Mozilla/5.0' })).userAgent).toBe('Mozilla/5.0');
    expect(clientInfo(new Headers()).userAgent).toBeNull();
  });
});
