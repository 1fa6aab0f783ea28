/**
 * A requester's journey traced with an in-memory exporter: submit, verify, and the worker delivering
 * the emails through the Resend stub. The spans cover domain → database → queue → delivery in one
 * trace per action, and no attribute, name or event carries the requester's address or name.
 */
import { Writable } from 'node:stream';
import { propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '../../lib/db';
import { transportConfig } from '../../lib/email/transport';
import { resetEnvCache } from '../../lib/env';
import { loggerOptions } from '../../lib/logger';
import { submitRequest } from '../../lib/requests/submit-request';
import { startTracing, stopTracing } from '../../lib/tracing/start-tracing';
import { withSpan } from '../../lib/tracing/span';
import { verifyRequest } from '../../lib/verification/verify-request';
import { runDueJobs } from '../support/jobs';
import { aRequest, latestVerificationToken } from '../support/requests';
import { resetDatabase } from '../support/reset-database';
import { type ResendStub, startResendStub } from '../support/resend-stub';

const exporter = new InMemorySpanExporter();
let stub: ResendStub;

beforeAll(async () => {
  // Before the first query, so that Prisma's client is created with the instrumentation on.
  await disconnectDb();
  startTracing({ processors: [new SimpleSpanProcessor(exporter)] });
  stub = await startResendStub({ seed: 20261202 });
  process.env.RESEND_API_KEY = 're_test';
  process.env.RESEND_BASE_URL = stub.url;
  resetEnvCache();
  transportConfig.sendTimeoutMs = 2_000;
  await resetDatabase();
});

afterAll(async () => {
  await stopTracing();
  trace.disable();
  propagation.disable();
  transportConfig.sendTimeoutMs = 15_000;
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  resetEnvCache();
  await stub.close();
});

/** Every string a span carries to an exporter: its name, attribute values, events, links and status. */
function strings(span: ReadableSpan): string[] {
  const values = (attributes: Record<string, unknown> = {}) =>
    Object.entries(attributes).flatMap(([key, value]) => [
      key,
      ...(Array.isArray(value) ? value : [value]).map(String),
    ]);
  return [
    span.name,
    ...values(span.attributes),
    ...span.events.flatMap((event) => [event.name, ...values(event.attributes)]),
    ...span.links.flatMap((link) => values(link.attributes)),
    span.status.message ?? '',
  ];
}

describe('a traced journey', () => {
  it('spans domain, database, queue and delivery, and no span names the requester', async () => {
    const input = aRequest({ name: 'Grace Hopperova', email: `grace.hopperova.${Date.now()}@example.org` });
    const created = await submitRequest({ input, channel: 'api', ip: '203.0.113.9', userAgent: 'journey' });
    await runDueJobs();
    const token = await latestVerificationToken(input.email);
    await verifyRequest({ token, ip: '203.0.113.9', userAgent: 'journey' });
    await runDueJobs();

    const delivered = stub.requests.map((r) => r.body.to);
    expect(delivered).toEqual([input.email, input.email]);

    const spans = exporter.getFinishedSpans();
    const named = (name: string) => spans.filter((s) => s.name === name);
    const [submit] = named('submitRequest');
    const [verify] = named('verifyRequest');
    expect(submit).toBeDefined();
    expect(verify).toBeDefined();
    const jobs = named('job deliver-email');
    expect(jobs).toHaveLength(2);
    const sends = named('email.send');
    expect(sends).toHaveLength(2);

    // Database spans from Prisma's instrumentation, under the domain span.
    const queries = spans.filter(
      (s) => s.name.startsWith('prisma:') && s.spanContext().traceId === submit.spanContext().traceId,
    );
    expect(queries.length).toBeGreaterThan(0);
    expect(spans.some((s) => typeof s.attributes['db.query.text'] === 'string')).toBe(true);

    // Queue: each delivery job continues the trace of the action that added it; delivery is its child.
    const traceOf = (s: ReadableSpan) => s.spanContext().traceId;
    expect(jobs.map(traceOf).sort()).toEqual([traceOf(submit), traceOf(verify)].sort());
    for (const send of sends) {
      const job = jobs.find((j) => j.spanContext().spanId === send.parentSpanContext?.spanId);
      expect(job, 'email.send runs inside its job').toBeDefined();
      expect(send.attributes['outbox.id']).toEqual(expect.any(String));
    }

    // No personal data in any span: not the address (nor its local part), not the name.
    const everything = spans.flatMap(strings).join('\n');
    expect(everything).not.toContain(input.email);
    expect(everything).not.toContain('grace.hopperova');
    expect(everything).not.toMatch(/Hopperova|Grace/);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain('203.0.113.9');
    expect(everything).not.toMatch(/[^\s@]+@[^\s@]+\.[a-z]{2,}/i);
    expect(created.id).toEqual(expect.any(String));
    expect(await db().outboxEmail.count({ where: { status: 'sent' } })).toBe(2);
  });

  it('log lines written inside a span carry its trace_id and span_id', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = pino(loggerOptions('info'), sink);
    let ids: { traceId: string; spanId: string } | undefined;
    await withSpan('log-check', {}, async () => {
      ids = trace.getActiveSpan()?.spanContext();
      log.info({ outboxId: 'x' }, 'inside');
    });
    log.info('outside');
    const [inside, outside] = lines.map((line) => JSON.parse(line));
    expect(inside).toMatchObject({ trace_id: ids?.traceId, span_id: ids?.spanId, msg: 'inside' });
    expect(outside.trace_id).toBeUndefined();
  });
});
