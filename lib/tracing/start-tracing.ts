/**
 * OpenTelemetry traces, off unless configured (lib/env.ts `tracing`): instrumentation.ts starts them
 * in the web process, scripts/worker.ts in a worker. Spans: Next.js's own (HTTP, rendering), ours
 * (lib/tracing/span.ts: the domain operations, each job, the email delivery) and Prisma's
 * (@prisma/instrumentation: every query, through the pg driver adapter too). The standard OTEL_*
 * variables choose the exporter (`otlp` over HTTP/protobuf, `console`) and everything else the SDK
 * and the exporter read (OTEL_SERVICE_NAME, OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_HEADERS, …).
 */
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { PrismaInstrumentation } from '@prisma/instrumentation';
import { env } from '../env';
import { RedactingSpanProcessor } from './redact-spans';

function exportersFromEnv(): SpanExporter[] {
  const names = (env().OTEL_TRACES_EXPORTER ?? 'otlp').split(',').map((name) => name.trim());
  return names.flatMap((name): SpanExporter[] => {
    if (name === 'otlp') return [new OTLPTraceExporter()];
    if (name === 'console') return [new ConsoleSpanExporter()];
    if (name === 'none' || name === '') return [];
    throw new Error(`OTEL_TRACES_EXPORTER: ${name} is not supported here (otlp, console or none)`);
  });
}

const holder = globalThis as unknown as { portalTracing?: NodeSDK };

/**
 * Starts tracing once per process when configured, or always with `processors` (the trace test's
 * in-memory exporter). Every processor is wrapped so that spans are redacted before export.
 */
export function startTracing(options: { processors?: SpanProcessor[] } = {}): NodeSDK | undefined {
  if (holder.portalTracing) return holder.portalTracing;
  const processors =
    options.processors ?? (env().tracing ? exportersFromEnv().map((e) => new BatchSpanProcessor(e)) : []);
  if (processors.length === 0) return undefined;
  const sdk = new NodeSDK({
    serviceName: 'privacy-portal',
    spanProcessors: processors.map((processor) => new RedactingSpanProcessor(processor)),
    instrumentations: [new PrismaInstrumentation()],
  });
  sdk.start();
  holder.portalTracing = sdk;
  return sdk;
}

export async function stopTracing() {
  const sdk = holder.portalTracing;
  holder.portalTracing = undefined;
  await sdk?.shutdown();
}
