import { eq } from 'drizzle-orm';
import type { AgreementChange } from '../../domain/agreement.ts';
import type { Db } from '../../store/db.ts';
import { lockProposal, nextVersion, updateProposal } from '../../store/agreements.ts';
import { findParty } from '../../store/directory.ts';
import { parties, serviceTargets, slaTargets } from '../../store/schema/index.ts';
import { slaSettingsChanged } from '../sla/sla-settings-changed.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { securityPolicyOf } from '../security/security-policy.ts';

/** Writes an agreed change into the party's settings, in the caller's transaction. */
async function write(tx: Db, partyId: string, effectiveFrom: string, change: AgreementChange) {
  switch (change.kind) {
    case 'priority_matrix':
      await tx.update(parties).set({ priorityMatrix: change.matrix }).where(eq(parties.id, partyId));
      return;
    case 'escalation_levels':
      await tx.update(parties).set({ escalationLevels: change.levels }).where(eq(parties.id, partyId));
      return;
    case 'notification_policy': {
      const party = await findParty(tx, partyId);
      const { kind: _kind, ...fields } = change;
      await tx
        .update(parties)
        .set({ securityPolicy: { ...securityPolicyOf(party!.securityPolicy), ...fields } })
        .where(eq(parties.id, partyId));
      return;
    }
    case 'service_target':
      await tx
        .insert(serviceTargets)
        .values({ partyId, service: change.service, targetPct: String(change.targetPct) })
        .onConflictDoUpdate({
          target: [serviceTargets.partyId, serviceTargets.service],
          set: { targetPct: String(change.targetPct) },
        });
      return;
    case 'sla_targets':
      // SLA-2: targets are versioned by the date they apply from, so tickets opened before keep theirs.
      for (const t of change.items) {
        const values = {
          gtiMs: t.gtiMinutes * 60_000,
          gtrMs: t.gtrMinutes * 60_000,
          gteMs: t.gteMinutes * 60_000,
          objectivePct: t.objectivePct,
        };
        await tx
          .insert(slaTargets)
          .values({ partyId, ticketType: t.ticketType, priority: t.priority, effectiveFrom, ...values })
          .onConflictDoUpdate({
            target: [slaTargets.partyId, slaTargets.ticketType, slaTargets.priority, slaTargets.effectiveFrom],
            set: values,
          });
      }
      await slaSettingsChanged(tx, partyId);
      return;
  }
}

/**
 * The durable job `agreement_apply`, due when an accepted proposal's date starts: applies it
 * once (under the proposal's row lock) and numbers the new version. Anything but an accepted
 * proposal is left alone, so a replayed job changes nothing.
 */
export async function applyProposal(db: Db, id: string, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const row = await lockProposal(tx, id);
    if (!row || row.status !== 'accepted') return false;
    await write(tx, row.partyId, row.effectiveFrom, row.change);
    const version = await nextVersion(tx, row.partyId, row.kind);
    await updateProposal(tx, id, { status: 'applied', appliedAt: now, version });
    await writeAudit(
      tx,
      { actorId: null, party: row.partyId, action: 'agreement.apply', targetId: id, data: { kind: row.kind, version } },
      now,
    );
    return true;
  });
}

export const agreementApplyHandler = (db: Db) => async (payload: Record<string, unknown>) =>
  void (await applyProposal(db, String(payload.proposalId)));
