import { describe, expect, it } from 'vitest';
import { pageCsp, securityHeaders } from './security-headers';

const base = { nonce: 'abc123', development: false, hsts: false };

describe('security headers', () => {
  it('allows page scripts only by nonce, never inline or eval in production', () => {
    const csp = pageCsp({ ...base, pathname: '/' });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('lets no script run on the status page, which is plain HTML', () => {
    for (const path of ['/status/3f0c', '/status/3f0c/'])
      expect(pageCsp({ ...base, development: true, pathname: path })).toContain("script-src 'none'");
    // Its forms' endpoints and every other page keep the nonce policy.
    for (const path of ['/status/3f0c/withdraw', '/', '/verify'])
      expect(pageCsp({ ...base, pathname: path })).toContain("'nonce-abc123'");
  });

  it('allows inline styles, never inline scripts, only where an email is previewed in a sandboxed frame', () => {
    const editor = pageCsp({ ...base, pathname: '/admin/templates' });
    expect(editor).toMatch(/style-src[^;]*'unsafe-inline'/);
    expect(editor).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    for (const path of ['/admin', '/admin/templates/x', '/admin/rules'])
      expect(pageCsp({ ...base, pathname: path })).not.toMatch(/style-src[^;]*'unsafe-inline'/);
  });

  it("adds 'unsafe-eval' for React's development tooling only in development", () => {
    expect(pageCsp({ ...base, development: true, pathname: '/' })).toMatch(/script-src[^;]*'unsafe-eval'/);
  });

  it('sends HSTS only when asked (production over https)', () => {
    expect(securityHeaders({ ...base, pathname: '/' })['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders({ ...base, hsts: true, pathname: '/' })['Strict-Transport-Security']).toMatch(
      /max-age=\d{8}/,
    );
  });

  it('sends no Referer from pages whose URL carries a secret', () => {
    for (const path of ['/status/1', '/verify', '/submitted/1', '/download/1']) {
      expect(securityHeaders({ ...base, pathname: path })['Referrer-Policy'], path).toBe('no-referrer');
    }
    expect(securityHeaders({ ...base, pathname: '/' })['Referrer-Policy']).toBe('same-origin');
    expect(securityHeaders({ ...base, pathname: '/verifying' })['Referrer-Policy']).toBe('same-origin');
  });

  it('locks route handlers down completely', () => {
    expect(securityHeaders({ ...base, pathname: '/api/health' })['Content-Security-Policy']).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
  });
});
