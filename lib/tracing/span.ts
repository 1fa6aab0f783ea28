import { type Attributes, context, propagation, SpanStatusCode, trace } from '@opentelemetry/api';

const tracer = () => trace.getTracer('privacy-portal');

/**
 * Runs `fn` inside a span named `name`. Attributes are ids and codes only (a request id, a job
 * type), never what a person wrote or their address. Without a tracer provider (tracing off) this
 * costs one no-op span.
 */
export function withSpan<T>(name: string, attributes: Attributes, fn: () => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.setAttribute('error.type', (error as { code?: string }).code ?? (error as Error).name ?? 'Error');
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The W3C trace context of the active span, to carry in a job's payload; empty when nothing is traced. */
export function currentTraceCarrier(): { traceparent?: string } {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? { traceparent: carrier.traceparent } : {};
}

/** Runs `fn` with the trace context a job's payload carried (if any) as its parent. */
export function withCarriedTrace<T>(payload: unknown, fn: () => Promise<T>): Promise<T> {
  const traceparent = (payload as { traceparent?: unknown } | null)?.traceparent;
  if (typeof traceparent !== 'string') return fn();
  return context.with(propagation.extract(context.active(), { traceparent }), fn);
}
