import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { findProposal, updateProposal } from '../../store/agreements.ts';
import { enqueueJob } from '../../store/jobs.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { agreementDates, assertAgreementAdmin } from './common.ts';

/**
 * An awaited party accepts or refuses a proposal (a refusal gives its reason and closes it).
 * The last acceptance schedules the change for its effective date; a proposal whose date has
 * come before everyone accepted it can no longer be accepted (propose again with a new date).
 */
export async function decideProposal(
  db: Db,
  actor: Actor,
  id: string,
  decision: 'accepted' | 'refused',
  reason: string | undefined,
  now = new Date(),
) {
  assertAgreementAdmin(actor);
  if (decision === 'refused' && !reason?.trim())
    throw new AppError('validation.required', 'reason', { field: 'reason' });
  return db.transaction(async (tx) => {
    const row = await findProposal(tx, actor.party, id, true);
    if (!row) throw new AppError('agreement.not_found');
    if (row.status !== 'proposed') throw new AppError('agreement.closed', 'status', { status: row.status });
    if (!row.awaitedParties.includes(actor.party)) throw new AppError('agreement.not_awaited');
    if (row.decisions.some((d) => d.party === actor.party)) throw new AppError('agreement.decided');
    const dates = await agreementDates(tx, row.partyId, row.effectiveFrom, now);
    if (decision === 'accepted' && row.effectiveFrom <= dates.today)
      throw new AppError('agreement.expired', 'effectiveFrom', { date: row.effectiveFrom });
    const decisions = [
      ...row.decisions,
      {
        party: actor.party,
        decision,
        by: actor.id,
        byName: actor.displayName,
        at: now.toISOString(),
        reason: reason?.trim() || null,
      },
    ];
    const everyone = row.awaitedParties.every((p) => decisions.some((d) => d.party === p && d.decision === 'accepted'));
    const patch =
      decision === 'refused'
        ? { decisions, status: 'refused' as const, closedReason: reason!.trim(), closedAt: now }
        : everyone
          ? { decisions, status: 'accepted' as const, acceptedAt: now }
          : { decisions };
    const updated = await updateProposal(tx, id, patch);
    if (updated.status === 'accepted') await enqueueJob(tx, 'agreement_apply', { proposalId: id }, dates.startsAt);
    await writeAudit(
      tx,
      { actorId: actor.id, party: actor.party, action: `agreement.${decision}`, targetId: id, data: { reason } },
      now,
    );
    return updated;
  });
}
