import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from './db.ts';
import { jobs } from './schema/index.ts';

export type JobRow = typeof jobs.$inferSelect;

/** Queues a job inside the caller's transaction (outbox): it exists only if the transaction commits. */
export async function enqueueJob(tx: Db, kind: string, payload: Record<string, unknown>, runAt = new Date()) {
  await tx.insert(jobs).values({ id: randomUUID(), kind, payload, runAt });
}

/**
 * Claims due jobs by pushing their run time a lease ahead, so another node skips them
 * (FOR UPDATE SKIP LOCKED) and a crashed worker's jobs come back when the lease ends.
 */
export async function claimDueJobs(
  db: Db,
  kinds: string[],
  limit: number,
  now: Date,
  leaseMs: number,
): Promise<JobRow[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(inArray(jobs.kind, kinds), isNull(jobs.doneAt), isNull(jobs.failedAt), lte(jobs.runAt, now)))
      .orderBy(asc(jobs.runAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(jobs)
      .set({ runAt: new Date(now.getTime() + leaseMs), attempts: sql`${jobs.attempts} + 1` })
      .where(
        inArray(
          jobs.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}

export async function completeJob(db: Db, id: string, now: Date) {
  await db.update(jobs).set({ doneAt: now, lastError: null }).where(eq(jobs.id, id));
}

/** Records a failure: retried later with exponential back-off, or failed for good after the last attempt. */
export async function failJob(db: Db, job: JobRow, error: string, now: Date) {
  const finished = job.attempts >= job.maxAttempts;
  const backoff = Math.min(3_600_000, 5_000 * 2 ** (job.attempts - 1));
  await db
    .update(jobs)
    .set(
      finished ? { failedAt: now, lastError: error } : { runAt: new Date(now.getTime() + backoff), lastError: error },
    )
    .where(eq(jobs.id, job.id));
}

/** Replaces a job's payload (a job that carried a secret keeps only what identifies it once done). */
export async function redactJobPayload(db: Db, id: string, payload: Record<string, unknown>) {
  await db.update(jobs).set({ payload }).where(eq(jobs.id, id));
}
