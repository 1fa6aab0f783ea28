import { withCarriedTrace, withSpan } from '../tracing/span';
import { instruments } from './registry';

/**
 * Runs one job's handler inside a span (a child of the trace that added the job, when it carried
 * one) and counts it: portal_job_runs_total by outcome, portal_job_duration_seconds.
 */
export async function observeJob(task: string, payload: unknown, attempt: number, run: () => Promise<void>) {
  const m = instruments();
  const stop = m.jobDuration.startTimer({ task });
  try {
    await withCarriedTrace(payload, () => withSpan(`job ${task}`, { 'job.type': task, 'job.attempt': attempt }, run));
    m.jobRuns.inc({ task, outcome: 'completed' });
  } catch (error) {
    m.jobRuns.inc({ task, outcome: 'failed' });
    throw error;
  } finally {
    stop();
  }
}

/** Times a data package build into portal_package_build_duration_seconds. */
export async function observePackageBuild(build: () => Promise<void>) {
  const stop = instruments().packageBuild.startTimer();
  try {
    await build();
    stop({ outcome: 'built' });
  } catch (error) {
    stop({ outcome: 'failed' });
    throw error;
  }
}
