import { startPolling } from './poll.ts';
import type { Db } from '../store/db.ts';
import { claimDueJobs, completeJob, failJob, type JobRow } from '../store/jobs.ts';

export type JobHandler = (payload: Record<string, unknown>, job: JobRow) => Promise<void>;

const LEASE_MS = 5 * 60_000;

/**
 * Runs due jobs of the given kinds, claiming one at a time so that each job's lease starts
 * when its own work starts (handlers must finish well within the lease); returns how many ran.
 */
export async function runDueJobs(
  db: Db,
  handlers: Record<string, JobHandler>,
  now = new Date(),
  limit = 20,
): Promise<number> {
  let ran = 0;
  while (ran < limit) {
    const [job] = await claimDueJobs(db, Object.keys(handlers), 1, now, LEASE_MS);
    if (!job) break;
    ran++;
    try {
      await handlers[job.kind]!(job.payload, job);
      await completeJob(db, job.id, new Date());
    } catch (error) {
      await failJob(db, job, error instanceof Error ? error.message : String(error), new Date());
    }
  }
  return ran;
}

/** Polls for due jobs until stopped; each tick drains what is due. */
export function startJobRunner(
  db: Db,
  handlers: Record<string, JobHandler>,
  pollMs: number,
  log: (error: unknown) => void,
): () => void {
  return startPolling(() => runDueJobs(db, handlers), pollMs, log);
}
