import { describe, expect, it } from 'vitest';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { redactSpan, redactUrl } from './redact-spans';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const ID = '0b7c6c1e-1c6b-4a4e-9d67-5d3f3b1a2c9d';

/** A span as a library might end it, with what must never leave the process. */
function librarySpan(): ReadableSpan {
  const span = {
    name: `GET /download/${TOKEN}/file?token=${TOKEN}`,
    attributes: {
      'http.target': `/status/${ID}?token=${TOKEN}`,
      'url.full': `https://privacy.example.com/verify?token=${TOKEN}`,
      'next.route': '/status/[id]',
      'db.query.text': 'SELECT 1 FROM "privacy_request" WHERE "email_hash" = $1',
      'exception.message': 'no such address: ada@example.com',
      'http.status_code': 200,
    },
    events: [{ name: 'exception', attributes: { 'exception.message': 'for ada@example.com' }, time: [0, 0] }],
    links: [],
    status: { code: 2, message: 'failed for ada@example.com' },
    spanContext: () => ({ traceId: 't', spanId: 's', traceFlags: 1 }),
  };
  return span as unknown as ReadableSpan;
}

describe('redactSpan', () => {
  it('drops queries, replaces token- and id-shaped path segments, masks addresses; keeps the rest', () => {
    const span = redactSpan(librarySpan());
    expect(span.name).toBe('GET /download/:id/file');
    expect(span.attributes).toEqual({
      'http.target': '/status/:id',
      'url.full': 'https://privacy.example.com/verify',
      'next.route': '/status/[id]',
      'db.query.text': 'SELECT 1 FROM "privacy_request" WHERE "email_hash" = $1',
      'exception.message': 'no such address: [email]',
      'http.status_code': 200,
    });
    expect(span.events[0].attributes).toEqual({ 'exception.message': 'for [email]' });
    expect(span.status.message).toBe('failed for [email]');
    expect(span.spanContext().traceId).toBe('t');
  });

  it('redactUrl leaves a route pattern as it is', () => {
    expect(redactUrl('/api/v1/requests/[id]')).toBe('/api/v1/requests/[id]');
    expect(redactUrl(`/api/v1/requests/${ID}#x`)).toBe('/api/v1/requests/:id');
  });
});
