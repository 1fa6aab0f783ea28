/** Next.js calls this once per server process: the job worker runs here unless WORKER_IN_PROCESS=false. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startInProcessWorker } = await import('./lib/worker/in-process-worker');
  await startInProcessWorker();
}
