import { randomUUID } from 'node:crypto';
import { and, inArray, ne } from 'drizzle-orm';
import { PARTY_KINDS } from '../../domain/parties.ts';
import type { Actor } from '../../domain/actor.ts';
import { changeRefusal, type AgreementChange } from '../../domain/agreement.ts';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { insertProposal } from '../../store/agreements.ts';
import { findParty } from '../../store/directory.ts';
import { enqueueJob } from '../../store/jobs.ts';
import { insertTicketlessNotifications, usersWithRole } from '../../store/notifications.ts';
import { parties } from '../../store/schema/index.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { agreementDates, assertAgreementAdmin } from './common.ts';

export interface ProposalInput {
  /** The party whose copy of the agreement changes; the proposer's own by default. */
  party?: string | undefined;
  effectiveFrom: string;
  reason?: string | undefined;
  change: AgreementChange;
}

/**
 * SNC 10.2: proposes a change to the common agreement, in force from a date (tomorrow or
 * later) once every other party has accepted it. Their administrators are told in the console.
 */
export async function proposeChange(
  db: Db,
  actor: Actor,
  input: ProposalInput,
  now = new Date(),
  fieldPrefix = 'change.',
) {
  assertAgreementAdmin(actor);
  const partyId = input.party ?? actor.party;
  if (!(await findParty(db, partyId))) throw new AppError('party.not_found', 'party');
  const refusal = changeRefusal(input.change);
  if (refusal) {
    const field = fieldPrefix + refusal.field;
    throw new AppError('validation.invalid', field, { field, detail: refusal.detail });
  }
  const dates = await agreementDates(db, partyId, input.effectiveFrom, now);
  if (input.effectiveFrom < dates.tomorrow)
    throw new AppError('validation.invalid', 'effectiveFrom', {
      field: 'effectiveFrom',
      detail: 'from_date',
      date: dates.tomorrow,
    });
  return db.transaction(async (tx) => {
    // Every other party bound by the agreement (an erased party's tombstone is no longer one).
    const others = await tx
      .select({ id: parties.id })
      .from(parties)
      .where(and(ne(parties.id, actor.party), inArray(parties.kind, [...PARTY_KINDS])));
    const awaited = others.map((p) => p.id).sort();
    const alone = awaited.length === 0;
    const row = await insertProposal(tx, {
      id: randomUUID(),
      kind: input.change.kind,
      partyId,
      proposedByParty: actor.party,
      proposedBy: actor.id,
      proposedByName: actor.displayName,
      change: input.change,
      effectiveFrom: input.effectiveFrom,
      reason: input.reason ?? '',
      status: alone ? 'accepted' : 'proposed',
      awaitedParties: awaited,
      decisions: [],
      createdAt: now,
      acceptedAt: alone ? now : null,
    });
    // An instance with a single party has nobody else to ask: the change waits only for its date.
    if (alone) await enqueueJob(tx, 'agreement_apply', { proposalId: row.id }, dates.startsAt);
    const admins = await usersWithRole(tx, awaited, 'party_admin');
    await insertTicketlessNotifications(
      tx,
      admins.map((u) => ({
        userId: u.id,
        kind: 'agreement_proposed' as const,
        params: {
          proposalId: row.id,
          party: partyId,
          from: actor.party,
          kind: row.kind,
          effectiveFrom: row.effectiveFrom,
        },
      })),
      now,
    );
    await writeAudit(
      tx,
      {
        actorId: actor.id,
        party: actor.party,
        action: 'agreement.propose',
        targetId: row.id,
        data: { kind: row.kind, party: partyId, effectiveFrom: row.effectiveFrom },
      },
      now,
    );
    return row;
  });
}
