import { desc } from 'drizzle-orm';
import { vulnerabilityNotices } from '../../store/schema/index.ts';
import { newestVisibleSharedRecords, oneVisibleSharedRecord } from '../../store/shared-records.ts';
import type { ServiceContext } from '../write-path/context.ts';

export type VulnerabilityRow = typeof vulnerabilityNotices.$inferSelect;

/** CBM-4: the notices the actor's clearance covers, newest first. */
export async function listVulnerabilities(ctx: ServiceContext): Promise<VulnerabilityRow[]> {
  return newestVisibleSharedRecords(
    ctx.actor,
    vulnerabilityNotices,
    ctx.db.select().from(vulnerabilityNotices).$dynamic(),
    desc(vulnerabilityNotices.createdAt),
    desc(vulnerabilityNotices.id),
  );
}

/** One notice, or 404 whether it is missing or above the actor's clearance. */
export async function getVulnerability(ctx: ServiceContext, id: string): Promise<VulnerabilityRow> {
  return oneVisibleSharedRecord(
    ctx.actor,
    vulnerabilityNotices,
    ctx.db.select().from(vulnerabilityNotices).$dynamic(),
    id,
  );
}
