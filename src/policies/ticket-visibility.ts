import { and, arrayContains, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Role } from '../domain/roles.ts';
import { TEAM_BYPASS_ROLES } from '../domain/security.ts';
import { clearanceCovers, levelsCoveredBy, sensitivityRank, type Sensitivity } from '../domain/sensitivity.ts';
import type { Actor } from '../domain/actor.ts';
import { ticketEvents, tickets } from '../store/schema/index.ts';

/**
 * ISM-4 in one place: a ticket is visible when the actor's party owns or participates in
 * it (the owner is always a participant) and the actor's clearance covers its sensitivity.
 * Every read of tickets — get, list, count, search, links, export — filters with this.
 */
export function ticketVisibleTo(actor: Actor, options: { partyIndex?: boolean } = {}): SQL {
  const rules = [
    // `party = ANY(participants)` is the same test as `participants @> {party}`, but the planner cannot
    // answer it from the participants GIN index: a search whose words already select few rows
    // asks for it (`partyIndex: false`) so that the planner does not intersect them with the tens of
    // thousands of tickets of the reader's party.
    options.partyIndex === false
      ? sql`${actor.party} = any(${tickets.participants})`
      : arrayContains(tickets.participants, [actor.party]),
    inArray(tickets.sensitivity, levelsCoveredBy(actor.clearance)),
  ];
  // SEC-2: a ticket restricted to its incident management team is read by the team, level 3 and auditors only.
  if (!bypassesTeams(actor)) rules.push(or(isNull(tickets.team), arrayContains(tickets.team, [actor.id])) as SQL);
  return and(...rules) as SQL;
}

/**
 * Names everything `ticketVisibleTo(actor)`'s SQL depends on (party, clearance, and the actor's id
 * unless team restrictions do not apply to them): actors with the same key get the same SQL, so a
 * statement built for one serves the others (store/prepared.ts). Change both together.
 */
export function visibilityKey(actor: Actor): string {
  return JSON.stringify([actor.party, actor.clearance, bypassesTeams(actor) ? null : actor.id]);
}

/** Level-3 roles and auditors read team-restricted tickets of their parties without being on the team. */
export function bypassesTeams(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.some((role) => TEAM_BYPASS_ROLES.includes(role));
}

/** The same rule for one user and one ticket already loaded (notifications, mail). */
export function userMaySee(
  user: { id: string; partyId: string; clearance: Sensitivity; roles: Role[]; active: boolean },
  ticket: { participants: string[]; sensitivity: Sensitivity; team: string[] | null },
): boolean {
  return (
    user.active &&
    ticket.participants.includes(user.partyId) &&
    clearanceCovers(user.clearance, ticket.sensitivity) &&
    (ticket.team === null || ticket.team.includes(user.id) || bypassesTeams({ roles: user.roles }))
  );
}

/**
 * TKT-4: an internal comment or event stays inside the party that wrote it — the owning
 * desk's internal notes with the owner, another party's with that party; shared ones go to
 * every party on the ticket.
 */
export function eventVisibleTo(actor: Actor): SQL {
  return or(eq(ticketEvents.visibility, 'shared'), eq(ticketEvents.party, actor.party)) as SQL;
}

/** Names everything `eventVisibleTo(actor)`'s SQL depends on (see visibilityKey). */
export function eventVisibilityKey(actor: Actor): string {
  return actor.party;
}

/**
 * COL-3: a known error is read through its problem, so it follows every later change of the
 * problem's parties, classification or team (callers join `tickets` on the problem).
 */
export function knownErrorVisibleTo(actor: Actor): SQL {
  return ticketVisibleTo(actor);
}

/** Who reads a ticket: its parties, its level and its team (null: no team restriction). */
export interface Audience {
  participants: readonly string[];
  sensitivity: Sensitivity;
  team: readonly string[] | null;
}

/**
 * True when everyone who may read `target` may also read `source`: every party of the target is
 * on the source, the source is classified no higher, and a source restricted to a team is read
 * only through a target restricted to members of that team. Copying from source to target
 * (a known error applied to an incident) is safe exactly then.
 */
export function audienceWithin(source: Audience, target: Audience): boolean {
  return (
    target.participants.every((p) => source.participants.includes(p)) &&
    sensitivityRank(source.sensitivity) <= sensitivityRank(target.sensitivity) &&
    (source.team === null || (target.team !== null && target.team.every((id) => source.team!.includes(id))))
  );
}
