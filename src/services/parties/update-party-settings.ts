import { eq } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import type { PriorityMatrix } from '../../domain/priority.ts';
import type { EscalationLevel } from '../../domain/roles.ts';
import { assertAdministersParty } from '../../policies/party-admin.ts';
import type { Db } from '../../store/db.ts';
import { findParty, findUser } from '../../store/directory.ts';
import { parties } from '../../store/schema/index.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import type { Actor } from '../../domain/actor.ts';

export interface PartySettingsInput {
  requireTotp?: boolean | undefined;
  /** SLA-1 matrix of the party; null goes back to the default. */
  priorityMatrix?: PriorityMatrix | null | undefined;
  /** PARTY-4 levels, numbered 1, 2, … in order. */
  escalationLevels?: EscalationLevel[] | undefined;
  /** TKT-7: largest attachment, in bytes. */
  attachmentMaxBytes?: number | undefined;
}

/**
 * Changes a party's own rules: mandatory second factor, largest attachment. The priority matrix
 * and escalation levels are refused here (409 `agreement.proposal_required`): they change by
 * proposal only (services/agreements). Actor may be null for the CLI.
 */
export async function updatePartySettings(db: Db, actor: Actor | null, partyId: string, input: PartySettingsInput) {
  if (actor) assertAdministersParty(actor, partyId);
  // SNC 10.2: the matrix and the escalation levels are the common agreement, changed by proposal only.
  for (const field of ['priorityMatrix', 'escalationLevels'] as const)
    if (input[field] !== undefined) throw new AppError('agreement.proposal_required', field, { field });
  // An administrator who makes the second factor mandatory must hold one, or would lock themselves out.
  if (actor && input.requireTotp && !(await findUser(db, actor.id))?.totpEnabled)
    throw new AppError('auth.totp_mandatory', 'requireTotp');
  return db.transaction(async (tx) => {
    if (!(await findParty(tx, partyId))) throw new AppError('party.not_found', 'id');
    const patch: Partial<typeof parties.$inferInsert> = {};
    if (input.requireTotp !== undefined) patch.requireTotp = input.requireTotp;
    if (input.attachmentMaxBytes !== undefined) patch.attachmentMaxBytes = input.attachmentMaxBytes;
    const [updated] =
      Object.keys(patch).length > 0
        ? await tx.update(parties).set(patch).where(eq(parties.id, partyId)).returning()
        : [await findParty(tx, partyId)];
    await writeAudit(tx, {
      actorId: actor?.id ?? null,
      party: partyId,
      action: 'party.settings',
      targetId: partyId,
      data: { ...input },
    });
    return updated!;
  });
}
