import type { TimelineEvent } from '../../domain/events.ts';
import { and, inArray } from 'drizzle-orm';

import { actionsFor } from '../../policies/ticket-actions.ts';
import { maskImpacts } from '../security/mask-impacts.ts';
import { ticketVisibleTo } from '../../policies/ticket-visibility.ts';
import { tickets, users } from '../../store/schema/index.ts';
import { AppError } from '../../domain/errors.ts';
import { isUuid } from '../../domain/identifiers.ts';
import {
  findVisibleTicket,
  findVisibleTicketDetail,
  parsedEvent,
  ticketNames,
  ticketTimeline,
  visibleLinks,
  type TicketRow,
} from '../../store/ticket-reads.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { slaOf, slaOfTickets } from '../sla/ticket-sla.ts';
import type { RecordedTicket } from './create-ticket.ts';
import { detailsOf } from '../write-path/details.ts';

/** A ticket with its timeline, links and the actions the actor may take, all under ISM-4. */
export async function getTicket(ctx: ServiceContext, idOrRef: string) {
  const read = await findVisibleTicketDetail(ctx.db, ctx.actor, idOrRef, isUuid(idOrRef));
  if (!read) throw new AppError('ticket.not_found');
  return ticketDetail(ctx, read.ticket, read);
}

/**
 * Details of a ticket already known to be visible to the actor; `read`: the names and SLA
 * versions read with it (findVisibleTicketDetail), else read here.
 */
export async function ticketDetail(
  ctx: ServiceContext,
  visibleTicket: TicketRow,
  read?: Pick<NonNullable<Awaited<ReturnType<typeof findVisibleTicketDetail>>>, 'names' | 'slaVersions'>,
) {
  const ticket =
    visibleTicket.type === 'security'
      ? { ...visibleTicket, details: await maskImpacts(ctx.db, ctx.actor, detailsOf(visibleTicket, 'security')) }
      : visibleTicket;
  const [names, events, links, sla, teamMembers] = await Promise.all([
    read?.names ?? ticketNames(ctx.db, ticket),
    ticketTimeline(ctx.db, ctx.actor, ticket.id),
    visibleLinks(ctx.db, ctx.actor, ticket.id),
    slaOfTickets(ctx.db, [ticket], Date.now(), false, read?.slaVersions),
    // SEC-2: whoever reads the incident may know who handles it.
    ticket.team
      ? ctx.db
          .select({ id: users.id, name: users.displayName, party: users.partyId })
          .from(users)
          .where(inArray(users.id, ticket.team))
      : Promise.resolve(null),
  ]);
  const hidden = await invisibleLinkedIds(ctx, events);
  const timeline = events.filter((e) => !hidden.has(namedTicketOf(e) ?? ''));
  return {
    ticket,
    groupName: names.groupName,
    assigneeName: names.assigneeName,
    timeline,
    links,
    teamMembers,
    sla: sla.get(ticket.id) ?? null,
    allowedActions: actionsFor(ctx.actor, ticket),
  };
}

/**
 * The detail of a ticket the actor has just recorded, built from what the recording wrote and
 * read instead of reading it back: the same answer as ticketDetail (its timeline as the actor
 * may see it, no link yet, no assignee, the SLA state now in the settings it was recorded with).
 * A ticket with anything a fresh incident lacks (a team, an assignee, masked impacts, an event
 * naming another ticket) takes ticketDetail's way.
 */
export async function newTicketDetail(ctx: ServiceContext, recorded: RecordedTicket) {
  const { ticket, events } = recorded;
  if (
    ticket.type === 'security' ||
    ticket.team ||
    ticket.assigneeId ||
    events.some((e) => namedTicketOf(parsedEvent(e)) !== null)
  )
    return ticketDetail(ctx, ticket);
  return {
    ticket,
    groupName: ticket.groupId ? recorded.groupName : null,
    assigneeName: null,
    timeline: events.filter((e) => e.visibility === 'shared' || e.party === ctx.actor.party).map(parsedEvent),
    links: [],
    teamMembers: null,
    sla: slaOf(recorded.sla, ticket, Date.now()),
    allowedActions: actionsFor(ctx.actor, ticket),
  } satisfies TicketDetail;
}

/** The other ticket an event names (a link, a change bundled into a release), if any. */
function namedTicketOf(event: TimelineEvent): string | null {
  if (event.kind === 'linked') return event.data.otherId;
  if (event.kind === 'release_changes' || event.kind === 'change_rolled_back') return event.data.changeId;
  if (event.kind === 'change_applied' || event.kind === 'change_reverted') return event.data.releaseId;
  return null;
}

/** Other tickets named on the timeline that the actor may not see: their events are dropped. */
async function invisibleLinkedIds(ctx: ServiceContext, events: TimelineEvent[]): Promise<Set<string>> {
  const ids = events.flatMap((e) => namedTicketOf(e) ?? []);
  if (ids.length === 0) return new Set();
  const visible = await ctx.db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(inArray(tickets.id, ids), ticketVisibleTo(ctx.actor)));
  const seen = new Set(visible.map((row) => row.id));
  return new Set(ids.filter((id) => !seen.has(id)));
}

export type TicketDetail = Awaited<ReturnType<typeof ticketDetail>>;

/** Whether the actor may (still) see a ticket, e.g. after an action raised its level above them. */
export async function ticketVisible(ctx: ServiceContext, id: string): Promise<boolean> {
  return (await findVisibleTicket(ctx.db, ctx.actor, id, true)) !== null;
}
