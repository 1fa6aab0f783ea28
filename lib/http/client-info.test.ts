import { describe, expect, it } from 'vitest';
import { clientInfo } from './client-info';

describe('clientInfo', () => {
  it('takes the first X-Forwarded-For hop, trimmed', () => {
    expect(clientInfo(new Headers({ 'x-forwarded-for': ' 203.0.113.7 , 10.0.0.1', 'x-real-ip': '10.0.0.2' })).ip).toBe(
      '203.0.113.7',
    );
  });

  it('falls back to X-Real-IP, trimmed, then to nothing', () => {
    expect(clientInfo(new Headers({ 'x-real-ip': ' 198.51.100.4 ' })).ip).toBe('198.51.100.4');
    expect(clientInfo(new Headers({ 'x-forwarded-for': ' , 10.0.0.1', 'x-real-ip': '198.51.100.4' })).ip).toBe(
      '198.51.100.4',
    );
    expect(clientInfo(new Headers()).ip).toBeNull();
  });

  it('passes the user agent through', () => {
    expect(clientInfo(new Headers({ 'user-agent': 'Mozilla/5.0' })).userAgent).toBe('Mozilla/5.0');
    expect(clientInfo(new Headers()).userAgent).toBeNull();
  });
});
