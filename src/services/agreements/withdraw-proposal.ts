import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { findProposal, updateProposal } from '../../store/agreements.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { assertAgreementAdmin } from './common.ts';

/** The proposing party withdraws its proposal, with a reason, while it is still awaited. */
export async function withdrawProposal(db: Db, actor: Actor, id: string, reason: string, now = new Date()) {
  assertAgreementAdmin(actor);
  if (!reason.trim()) throw new AppError('validation.required', 'reason', { field: 'reason' });
  return db.transaction(async (tx) => {
    const row = await findProposal(tx, actor.party, id, true);
    if (!row) throw new AppError('agreement.not_found');
    if (row.proposedByParty !== actor.party) throw new AppError('auth.forbidden');
    if (row.status !== 'proposed') throw new AppError('agreement.closed', 'status', { status: row.status });
    const updated = await updateProposal(tx, id, { status: 'withdrawn', closedReason: reason.trim(), closedAt: now });
    await writeAudit(
      tx,
      { actorId: actor.id, party: actor.party, action: 'agreement.withdraw', targetId: id, data: { reason } },
      now,
    );
    return updated;
  });
}
