import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { changedTeam, type TeamProposal } from '../../domain/security.ts';
import { clearanceCovers } from '../../domain/sensitivity.ts';
import type { Db } from '../../store/db.ts';
import { imtRosters, users } from '../../store/schema/index.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf, withDetails } from '../write-path/details.ts';
import { runTicketAction, type ActionOutcome } from '../write-path/ticket-action.ts';

/** The members named for an event type by the security officers of the incident's parties (SEC-2). */
async function rosterMembers(db: Db, ticket: TicketRow, eventType: string): Promise<string[]> {
  const rows = await db
    .select({ members: imtRosters.members })
    .from(imtRosters)
    .where(and(inArray(imtRosters.partyId, ticket.participants), eq(imtRosters.eventType, eventType)));
  return [...new Set(rows.flatMap((r) => r.members))];
}

export interface FormTeamInput {
  members?: string[] | undefined;
  eventType?: string | undefined;
  /** Members to take off the team (the owning party only). */
  remove?: string[] | undefined;
  version?: number | undefined;
}

/**
 * SEC-2: the incident management team. Only the owning party's security officer forms it (from
 * the roster for the event type or by naming its members) and changes it afterwards, by adding
 * and removing named members, each change an event; the team always keeps a member of the
 * owning party. Another party's security officer proposes members, which the owner accepts by
 * adding them. Every member belongs to a party on the incident and is cleared ETS CRITICAL, the
 * level an open investigation raises it to.
 */
export function formTeam(ctx: ServiceContext, idOrRef: string, input: FormTeamInput) {
  return runTicketAction(ctx, idOrRef, 'form_team', input.version, async (ticket, tx, now): Promise<ActionOutcome> => {
    const details = detailsOf(ticket, 'security');
    const owner = ctx.actor.party === ticket.ownerParty;
    const forming = !ticket.team || ticket.team.length === 0;
    const eventType = input.eventType ?? details.taxonomy?.class;
    const remove = [...new Set(input.remove ?? [])];
    if (!owner && remove.length > 0) throw new AppError('ticket.action_not_allowed', 'remove', { action: 'remove' });
    const ids =
      input.members && input.members.length > 0
        ? [...new Set(input.members)]
        : forming && eventType && remove.length === 0
          ? await rosterMembers(tx, ticket, eventType)
          : [];
    if (ids.length === 0 && remove.length === 0)
      throw new AppError('validation.required', 'members', { field: 'members' });
    const rows = await tx
      .select()
      .from(users)
      .where(inArray(users.id, [...new Set([...ids, ...remove, ...(ticket.team ?? []), ctx.actor.id])]));
    const index = ids.findIndex((id) => {
      const user = rows.find((u) => u.id === id);
      return (
        !user ||
        !user.active ||
        !ticket.participants.includes(user.partyId) ||
        !clearanceCovers(user.clearance, 'CRITICAL')
      );
    });
    if (index >= 0) throw new AppError('user.not_found', `members.${index}`);
    const nameOf = (id: string) => rows.find((u) => u.id === id)?.displayName ?? id;

    if (!owner) {
      // Another party's officer proposes; the owning party decides.
      const proposals = details.teamProposals ?? [];
      const fresh = ids.filter((id) => !(ticket.team ?? []).includes(id) && !proposals.some((p) => p.userId === id));
      if (fresh.length === 0)
        throw new AppError('validation.invalid', 'members', { field: 'members', detail: 'already_listed' });
      const proposed: TeamProposal[] = fresh.map((id) => ({
        userId: id,
        name: nameOf(id),
        party: ctx.actor.party,
        by: ctx.actor.id,
        at: now.toISOString(),
      }));
      return {
        patch: withDetails(ticket, 'security', { teamProposals: [...proposals, ...proposed] }),
        events: [
          {
            event: {
              kind: 'team_members_proposed' as const,
              data: { members: proposed.map((p) => p.name), party: ctx.actor.party },
            },
          },
        ],
        audit: { proposed: fresh },
      };
    }

    // The officer who forms the team joins it, so must be cleared like every member.
    if (forming && !clearanceCovers(ctx.actor.clearance, 'CRITICAL'))
      throw new AppError('ticket.sensitivity_too_high', 'members');
    const change = changedTeam(
      ticket.team,
      forming ? [...ids, ctx.actor.id] : ids,
      remove,
      (id) => rows.find((u) => u.id === id)?.partyId,
      ticket.ownerParty,
    );
    if ('refusal' in change) {
      const field = change.index !== undefined ? `remove.${change.index}` : 'remove';
      throw new AppError('validation.invalid', field, { field, detail: change.refusal });
    }
    if (!forming && change.added.length === 0 && change.removed.length === 0)
      throw new AppError('validation.invalid', 'members', { field: 'members', detail: 'already_listed' });
    const teamProposals = (details.teamProposals ?? []).filter((p) => !change.team.includes(p.userId));
    const patch = {
      team: change.team,
      ...withDetails(ticket, 'security', { ...(eventType ? { eventType } : {}), teamProposals }),
    };
    const event = forming
      ? { kind: 'team_formed' as const, data: { members: change.team.map(nameOf), eventType: eventType ?? null } }
      : {
          kind: 'team_changed' as const,
          data: { added: change.added.map(nameOf), removed: change.removed.map(nameOf) },
        };
    return { patch, events: [{ event }], audit: { team: change.team, added: change.added, removed: change.removed } };
  });
}
