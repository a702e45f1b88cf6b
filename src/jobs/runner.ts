import type { Db } from '../store/db.ts';
import { claimDueJobs, completeJob, failJob, type JobRow } from '../store/jobs.ts';

export type JobHandler = (payload: Record<string, unknown>, job: JobRow) => Promise<void>;

const LEASE_MS = 5 * 60_000;

/** Runs every due job of the given kinds once; returns how many ran. */
export async function runDueJobs(db: Db, handlers: Record<string, JobHandler>, now = new Date(), batch = 20): Promise<number> {
  const claimed = await claimDueJobs(db, Object.keys(handlers), batch, now, LEASE_MS);
  for (const job of claimed) {
    try {
      await handlers[job.kind]!(job.payload as Record<string, unknown>, job);
      await completeJob(db, job.id, new Date());
    } catch (error) {
      await failJob(db, job, error instanceof Error ? error.message : String(error), new Date());
    }
  }
  return claimed.length;
}

/** Polls for due jobs until stopped; each tick drains what is due. */
export function startJobRunner(db: Db, handlers: Record<string, JobHandler>, pollMs: number, log: (error: unknown) => void): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      while (!stopped && (await runDueJobs(db, handlers)) > 0);
    } catch (error) {
      log(error);
    }
    if (!stopped) timer = setTimeout(() => void tick(), pollMs);
  };
  timer = setTimeout(() => void tick(), pollMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
