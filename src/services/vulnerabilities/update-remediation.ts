import { and, eq } from 'drizzle-orm';
import type { CsafRemediation } from '../../domain/csaf.ts';
import { AppError } from '../../domain/errors.ts';
import { assertOwnRecord } from '../../policies/shared-records.ts';
import { vulnerabilityNotices } from '../../store/schema/index.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { notifyParties, WHAT } from '../cbm/notify-parties.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { getVulnerability } from './read-vulnerabilities.ts';
import { VULNERABILITY_ROLES } from './notify-vulnerability.ts';

export interface UpdateRemediationInput {
  remediationCategory: CsafRemediation;
  remediation: string;
  summary: string;
  version?: number | undefined;
}

/** CBM-4: the notifying party updates the remediation; a new CSAF revision is recorded and the parties told. */
export async function updateRemediation(ctx: ServiceContext, id: string, input: UpdateRemediationInput) {
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const notice = await getVulnerability({ ...ctx, db: tx }, id);
    assertOwnRecord(ctx.actor, notice, VULNERABILITY_ROLES);
    if (input.version !== undefined && input.version !== notice.version)
      throw new AppError('cbm.version_conflict', 'version', { current: notice.version });
    const revisions = [
      ...notice.revisions,
      { number: String(notice.revisions.length + 1), date: now.toISOString(), summary: input.summary },
    ];
    const [row] = await tx
      .update(vulnerabilityNotices)
      .set({
        remediationCategory: input.remediationCategory,
        remediation: input.remediation,
        revisions,
        version: notice.version + 1,
        updatedAt: now,
      })
      .where(and(eq(vulnerabilityNotices.id, notice.id), eq(vulnerabilityNotices.version, notice.version)))
      .returning();
    if (!row) throw new AppError('cbm.version_conflict', 'version', { current: notice.version + 1 });
    await writeAudit(
      tx,
      { actorId: ctx.actor.id, party: ctx.actor.party, action: 'vulnerability.update', targetId: row.id },
      now,
    );
    await notifyParties(
      tx,
      {
        kind: 'cbm_shared',
        parties: { except: ctx.actor.party },
        sensitivity: row.sensitivity,
        params: { ...WHAT.vulnerability, party: ctx.actor.party, title: row.title, path: `/vulnerabilities/${row.id}` },
      },
      now,
    );
    return row;
  });
}
