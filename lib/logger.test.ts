import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions, scrub } from './logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  return { log: pino({ ...loggerOptions('info') }, stream), lines };
}

describe('logger redaction', () => {
  it('censors personal fields at any of the first three levels', () => {
    const { log, lines } = capture();
    log.info(
      {
        email: 'ada@example.com',
        request: { name: 'Ada', details: 'free text', agent: { email: 'a@b.co' } },
        token: 'x',
      },
      'hello',
    );
    const out = lines.join('');
    expect(out).not.toMatch(/ada@example\.com|"Ada"|free text|a@b\.co/);
    expect(out).toContain('[redacted]');
  });

  it('masks emails and tokens inside messages and errors', () => {
    const { log, lines } = capture();
    const token = 'A'.repeat(43);
    log.error({ err: new Error(`no user ada@example.com with ${token}`) }, `failed for bob@example.org ${token}`);
    const out = lines.join('');
    expect(out).not.toMatch(/ada@example\.com|bob@example\.org/);
    expect(out).not.toContain(token);
    expect(scrub('mail x.y@z.io now')).toBe('mail [email] now');
    expect(scrub('<ada.l+tag@mail.example.co.uk>, "o\'neil@example.com"')).toBe('<[email]>, "[email]"');
  });

  it('leaves the frames of scoped packages readable', () => {
    const frame =
      'at Object.run (/app/node_modules/@prisma/client/runtime/client.js:12:5)\n    at file:///app/node_modules/@vitest/runner/dist/index.js:1:2';
    expect(scrub(frame)).toBe(frame);
  });

  it("keeps an error's frames but not its message, where libraries print the values they were given", () => {
    const { log, lines } = capture();
    log.error(
      {
        err: new Error(
          'Invalid `prisma.privacyRequest.create()` invocation:\n  name: "Zebulon Quixote",\n  details: "my street"',
        ),
      },
      'unexpected error',
    );
    const out = lines.join('');
    expect(out).toMatch(/"stack":"\s+at /);
    expect(out).not.toMatch(/Zebulon|my street/);
  });
});
