import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';

import { clearanceCovers, type Sensitivity } from '../../domain/sensitivity.ts';
import type { Db } from '../../store/db.ts';
import { imtRosters, users } from '../../store/schema/index.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf, withDetails } from '../write-path/details.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

/** The members named for an event type by the security officers of the incident's parties (SEC-2). */
async function rosterMembers(db: Db, ticket: TicketRow, eventType: string): Promise<string[]> {
  const rows = await db
    .select({ members: imtRosters.members })
    .from(imtRosters)
    .where(and(inArray(imtRosters.partyId, ticket.participants), eq(imtRosters.eventType, eventType)));
  return [...new Set(rows.flatMap((r) => r.members))];
}

/**
 * SEC-2: the security officer forms the incident management team, from the roster for the
 * event type or by naming its members. From then on only the team and level 3 read and work on
 * the incident; every member must belong to a party on it and be cleared ETS CRITICAL, the level
 * an open investigation raises it to.
 */
export function formTeam(
  ctx: ServiceContext,
  idOrRef: string,
  input: { members?: string[] | undefined; eventType?: string | undefined; version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'form_team', input.version, async (ticket, tx) => {
    const eventType = input.eventType ?? detailsOf(ticket, 'security').taxonomy?.class;
    const ids =
      input.members && input.members.length > 0
        ? [...new Set(input.members)]
        : eventType
          ? await rosterMembers(tx, ticket, eventType)
          : [];
    if (ids.length === 0) throw new AppError('validation.required', 'members', { field: 'members' });
    const rows = await tx.select().from(users).where(inArray(users.id, ids));
    const index = ids.findIndex((id) => {
      const user = rows.find((u) => u.id === id);
      return (
        !user ||
        !user.active ||
        !ticket.participants.includes(user.partyId) ||
        !clearanceCovers(user.clearance as Sensitivity, 'CRITICAL')
      );
    });
    if (index >= 0) throw new AppError('user.not_found', `members.${index}`);
    // The officer joins the team too, so must be cleared like every member.
    if (!clearanceCovers(ctx.actor.clearance, 'CRITICAL')) throw new AppError('ticket.sensitivity_too_high', 'members');
    const team = [...new Set([...ids, ctx.actor.id])];
    const names = rows.map((u) => u.displayName);
    return {
      patch: { team, ...withDetails(ticket, 'security', eventType ? { eventType } : {}) },
      events: [{ event: { kind: 'team_formed' as const, data: { members: names, eventType: eventType ?? null } } }],
      audit: { team },
    };
  });
}
