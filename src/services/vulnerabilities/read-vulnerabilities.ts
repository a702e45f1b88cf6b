import { and, desc, eq } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { isUuid } from '../../domain/identifiers.ts';
import { sharedRecordVisibleTo } from '../../policies/shared-records.ts';
import { vulnerabilityNotices } from '../../store/schema/index.ts';
import type { ServiceContext } from '../write-path/context.ts';

export type VulnerabilityRow = typeof vulnerabilityNotices.$inferSelect;

/** CBM-4: the notices the actor's clearance covers, newest first. */
export async function listVulnerabilities(ctx: ServiceContext): Promise<VulnerabilityRow[]> {
  return ctx.db
    .select()
    .from(vulnerabilityNotices)
    .where(sharedRecordVisibleTo(ctx.actor, vulnerabilityNotices.sensitivity))
    .orderBy(desc(vulnerabilityNotices.createdAt), desc(vulnerabilityNotices.id))
    .limit(500);
}

/** One notice, or 404 whether it is missing or above the actor's clearance. */
export async function getVulnerability(ctx: ServiceContext, id: string): Promise<VulnerabilityRow> {
  if (!isUuid(id)) throw new AppError('cbm.not_found');
  const [row] = await ctx.db
    .select()
    .from(vulnerabilityNotices)
    .where(and(eq(vulnerabilityNotices.id, id), sharedRecordVisibleTo(ctx.actor, vulnerabilityNotices.sensitivity)));
  if (!row) throw new AppError('cbm.not_found');
  return row;
}
