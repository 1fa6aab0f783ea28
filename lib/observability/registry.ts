/**
 * The Prometheus registry (prom-client) and the instruments this process observes itself: HTTP
 * latency, job runs and package builds. Gauges that describe the whole installation (queue, outbox,
 * requests) are read from PostgreSQL at scrape time instead (lib/observability/scrape-metrics.ts).
 *
 * Kept on globalThis: scripts/app-server.ts (run by tsx) and the route handlers and in-process worker
 * (bundled by Next.js) load this module separately, and must count into one registry.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

function createInstruments() {
  const registry = new Registry();
  const http = new Histogram({
    name: 'portal_http_request_duration_seconds',
    help: 'Time from a request arriving to its response ending, by route pattern (never the raw URL).',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const jobRuns = new Counter({
    name: 'portal_job_runs_total',
    help: 'Jobs this process ran, by job type and outcome (completed or failed).',
    labelNames: ['task', 'outcome'] as const,
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: 'portal_job_duration_seconds',
    help: 'How long jobs run in this process took, by job type.',
    labelNames: ['task'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [registry],
  });
  const packageBuild = new Histogram({
    name: 'portal_package_build_duration_seconds',
    help: 'How long building a data package took in this process, by outcome.',
    labelNames: ['outcome'] as const,
    buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
    registers: [registry],
  });
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Gauge<L>({ name, help, labelNames, registers: [registry] });
  return {
    registry,
    http,
    jobRuns,
    jobDuration,
    packageBuild,
    queueJobs: gauge('portal_queue_jobs', 'Jobs waiting in the queue, by job type and state.', ['task', 'state']),
    queueAge: gauge(
      'portal_queue_oldest_due_job_age_seconds',
      'Seconds the oldest job that is due and waiting has been due, by job type.',
      ['task'],
    ),
    emails: gauge('portal_outbox_emails', 'Outbox emails not sent, by status (pending, failed).', ['status']),
    emailAge: gauge('portal_outbox_oldest_pending_email_age_seconds', 'Age of the oldest pending outbox email.', []),
    requestsOpen: gauge('portal_requests_open', 'Open requests, by status.', ['status']),
    requestsOverdue: gauge('portal_requests_overdue', 'Open requests past their due date.', []),
    connectorFailures: gauge(
      'portal_connector_tasks_failed',
      'Automated fulfilment tasks whose connector failed and that are not yet retried or closed, by system.',
      ['system'],
    ),
    databaseUp: gauge(
      'portal_metrics_database_up',
      '1 when this scrape read the database gauges, 0 when it could not.',
      [],
    ),
    scrapeErrors: new Counter({
      name: 'portal_metrics_scrape_errors_total',
      help: 'Scrapes whose database gauges could not be read.',
      registers: [registry],
    }),
  };
}

export type Instruments = ReturnType<typeof createInstruments>;

const holder = globalThis as unknown as { portalMetrics?: Instruments };

export function instruments(): Instruments {
  holder.portalMetrics ??= createInstruments();
  return holder.portalMetrics;
}
