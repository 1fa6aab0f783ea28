/**
 * Spans leave the process with no personal data and no secret: every span passes through
 * RedactingSpanProcessor before any exporter sees it. Our own spans carry ids and codes only; this is
 * the guard for what libraries record (Next.js's URL attributes, an exception's message, a span name
 * built from a path): query strings go, path segments shaped like a token or an id become `:id`, and
 * anything shaped like an email address is masked.
 */
import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { scrub } from '../logger';

const URL_KEYS = /(^|\.)(url|target|path|route|query|full)$|^http\.url|^url\./;
const TOKEN_SEGMENT = /^(?:[A-Za-z0-9_-]{20,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** A URL or path without its query, and with every token- or id-shaped segment replaced. */
export function redactUrl(value: string): string {
  const withoutQuery = value.split(/[?#]/, 1)[0];
  return withoutQuery
    .split('/')
    .map((segment) => (TOKEN_SEGMENT.test(segment) ? ':id' : segment))
    .join('/');
}

export function redactValue(key: string, value: unknown): unknown {
  if (typeof value === 'string') return scrub(URL_KEYS.test(key) ? redactUrl(value) : value);
  if (Array.isArray(value)) return value.map((v) => redactValue(key, v));
  return value;
}

function redactAttributes<T extends Record<string, unknown>>(attributes: T): T {
  return Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, redactValue(k, v)])) as T;
}

/** The span as exporters will see it: the same span, with its name, attributes, events and status redacted. */
export function redactSpan(span: ReadableSpan): ReadableSpan {
  return Object.create(span, {
    name: { value: scrub(span.name.replace(/\S*[/?]\S*/g, (part) => redactUrl(part))) },
    attributes: { value: redactAttributes(span.attributes) },
    events: {
      value: span.events.map((event) => ({
        ...event,
        attributes: event.attributes && redactAttributes(event.attributes),
      })),
    },
    status: { value: { ...span.status, message: span.status.message && scrub(span.status.message) } },
    links: {
      value: span.links.map((link) => ({ ...link, attributes: link.attributes && redactAttributes(link.attributes) })),
    },
  });
}

export class RedactingSpanProcessor implements SpanProcessor {
  constructor(private readonly inner: SpanProcessor) {}
  onStart(span: Span, parentContext: Context) {
    this.inner.onStart(span, parentContext);
  }
  onEnd(span: ReadableSpan) {
    this.inner.onEnd(redactSpan(span));
  }
  forceFlush() {
    return this.inner.forceFlush();
  }
  shutdown() {
    return this.inner.shutdown();
  }
}
