/**
 * Next.js calls this once per server process: traces start here when configured (OTEL_*), before
 * anything else loads, and the job worker runs here unless WORKER_IN_PROCESS=false.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startTracing } = await import('./lib/tracing/start-tracing');
  startTracing();
  const { startInProcessWorker } = await import('./lib/worker/in-process-worker');
  await startInProcessWorker();
}
