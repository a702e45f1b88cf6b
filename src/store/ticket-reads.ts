import { searchQuerySql } from './schema/search.ts';
import { and, asc, desc, eq, getTableColumns, gt, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { eventVisibilityKey, eventVisibleTo, ticketVisibleTo, visibilityKey } from '../policies/ticket-visibility.ts';
import { preparedRead } from './prepared.ts';
import { slaVersionColumns, type SlaVersion } from './sla.ts';
import type { Actor } from '../domain/actor.ts';
import type { Db } from './db.ts';
import { groupMembers, groups, parties, ticketEvents, ticketLinks, tickets, users } from './schema/index.ts';
import type { TicketSort as Sort, TicketType } from '../domain/ticket-types.ts';
import { isPriority, type Priority } from '../domain/priority.ts';
import { AppError } from '../domain/errors.ts';
import { CorruptRowError, issuesOf, parseDetails } from '../domain/details.ts';
import { TimelineEventSchema, type TimelineEvent } from '../domain/events.ts';
import type { LinkKind } from '../domain/ticket-types.ts';
import type { Sensitivity } from '../domain/sensitivity.ts';

/** Every column of a ticket but its search vector, which only the database reads. */
const { search: _search, ...ticketColumnsWithoutSearch } = getTableColumns(tickets);
const { search: _eventSearch, ...eventColumnsWithoutSearch } = getTableColumns(ticketEvents);
export const TICKET_COLUMNS = ticketColumnsWithoutSearch;
export type TicketRow = Omit<typeof tickets.$inferSelect, 'search'>;
/**
 * What a list reads of a ticket: the columns of its summary (`presentSummary`), of its SLA state
 * (`slaOfTickets`) and of the keyset cursor — not the description, texts, details, team or alerts,
 * which no list shows: on the embedded store, reading and decoding a column costs more than finding the row.
 */
const LIST_COLUMNS = {
  id: tickets.id,
  ref: tickets.ref,
  type: tickets.type,
  title: tickets.title,
  status: tickets.status,
  priority: tickets.priority,
  impact: tickets.impact,
  criticality: tickets.criticality,
  sensitivity: tickets.sensitivity,
  service: tickets.service,
  ownerParty: tickets.ownerParty,
  holderParty: tickets.holderParty,
  participants: tickets.participants,
  groupId: tickets.groupId,
  assigneeId: tickets.assigneeId,
  escalationLevel: tickets.escalationLevel,
  version: tickets.version,
  createdAt: tickets.createdAt,
  updatedAt: tickets.updatedAt,
  slaDueAt: tickets.slaDueAt,
  slaFacts: tickets.slaFacts,
};
/** A ticket as a list reads it (LIST_COLUMNS). */
export type TicketListRow = Pick<TicketRow, keyof typeof LIST_COLUMNS>;

/** A ticket row as read, its details checked against its type's schema (a row that does not parse throws, naming it). */
export function parsedTicket<R extends Pick<TicketRow, 'type' | 'ref' | 'details'>>(row: R): R {
  return { ...row, details: parseDetails(row.type, row.details, row.ref) };
}

/** A timeline row as read, its kind and data checked against the event union (never a silent cast). */
export function parsedEvent<R extends { ticketId: string; seq: number; kind: string; data: unknown }>(
  row: R,
): Omit<R, 'kind' | 'data'> & TimelineEvent {
  const result = TimelineEventSchema.safeParse({ kind: row.kind, data: row.data });
  if (!result.success) throw new CorruptRowError(`event ${row.seq} of ticket ${row.ticketId}`, issuesOf(result.error));
  return { ...row, ...result.data };
}

/** The ticket with this UUID or reference if the actor may see it, else null. */
export async function findVisibleTicket(
  db: Db,
  actor: Actor,
  idOrRef: string,
  isId: boolean,
): Promise<TicketRow | null> {
  const rows = await visibleTicketBy(db, { actor, isId }, { key: idOrRef });
  return rows[0] ? parsedTicket(rows[0]) : null;
}

/** One ticket by id or reference (placeholder `key`) if the actor may see it: the shape of both reads below. */
interface VisibleByKey {
  actor: Actor;
  isId: boolean;
}

const visibleByKeyShape = ({ actor, isId }: VisibleByKey) => `${isId ? 'id' : 'ref'} ${visibilityKey(actor)}`;

function visibleByKey({ actor, isId }: VisibleByKey) {
  return and(eq(isId ? tickets.id : tickets.ref, sql.placeholder('key')), ticketVisibleTo(actor));
}

const visibleTicketBy = preparedRead(visibleByKeyShape, (db, shape) =>
  db.select(TICKET_COLUMNS).from(tickets).where(visibleByKey(shape)).limit(1),
);

/**
 * What a ticket's detail reads first, in one statement: the ticket if the actor may see it, the
 * names of its desk and assignee (ticketNames), and every party's SLA version (the parties are a
 * handful; loadSlaData then reads none): a read of a ticket then typically sends three statements
 * (this one, its timeline, its links), not five.
 */
export async function findVisibleTicketDetail(db: Db, actor: Actor, idOrRef: string, isId: boolean) {
  const rows = await visibleDetailBy(db, { actor, isId }, { key: idOrRef });
  if (!rows[0]) return null;
  const { groupName, assigneeName, slaVersions, ...ticket } = rows[0];
  return {
    ticket: parsedTicket(ticket),
    names: { groupName, assigneeName },
    slaVersions: new Map((slaVersions ?? []).map(({ id, stamp, xmin }) => [id, { stamp, xmin }])),
  };
}

const visibleDetailBy = preparedRead(visibleByKeyShape, (db, shape) =>
  db
    .select({
      ...TICKET_COLUMNS,
      groupName: sql<string | null>`(select ${groups.name} from ${groups} where ${groups.id} = ${tickets.groupId})`,
      assigneeName: sql<
        string | null
      >`(select ${users.displayName} from ${users} where ${users.id} = ${tickets.assigneeId})`,
      slaVersions: sql<(SlaVersion & { id: string })[] | null>`(select json_agg(json_build_object(
          'id', ${parties.id}, 'stamp', ${slaVersionColumns.slaStamp}, 'xmin', ${slaVersionColumns.slaXmin})) from ${parties})`,
    })
    .from(tickets)
    .where(visibleByKey(shape))
    .limit(1),
);

/** A ticket as stored, read by no one in particular (background jobs that apply their own rule). */
export async function findTicketRow(db: Db, id: string): Promise<TicketRow | null> {
  const rows = await db.select(TICKET_COLUMNS).from(tickets).where(eq(tickets.id, id));
  return rows[0] ? parsedTicket(rows[0]) : null;
}

/** Locks a ticket row for the rest of the transaction. */
export async function lockTicket(tx: Db, id: string): Promise<TicketRow> {
  const rows = await tx.select(TICKET_COLUMNS).from(tickets).where(eq(tickets.id, id)).for('update');
  if (!rows[0]) throw new Error(`ticket ${id} vanished`);
  return parsedTicket(rows[0]);
}

export interface TicketFilter {
  type?: TicketType[] | undefined;
  status?: string[] | undefined;
  priority?: Priority[] | undefined;
  owner?: string[] | undefined;
  assignee?: string | undefined;
  /** A user id: tickets assigned to that user or to one of the user's groups. */
  mine?: string | undefined;
  q?: string | undefined;
}

export interface Cursor {
  v: string;
  id: string;
}

const SORT_COLUMNS = {
  createdAt: tickets.createdAt,
  updatedAt: tickets.updatedAt,
  priority: tickets.priority,
  slaDueAt: tickets.slaDueAt,
} as const;
type SortColumn = (typeof SORT_COLUMNS)[keyof typeof SORT_COLUMNS];

function filterSql(actor: Actor, filter: TicketFilter, options: { partyIndex?: boolean } = {}): SQL {
  const parts: (SQL | undefined)[] = [ticketVisibleTo(actor, options)];
  if (filter.type?.length) parts.push(inArray(tickets.type, filter.type));
  if (filter.status?.length) parts.push(inArray(tickets.status, filter.status));
  if (filter.priority?.length) parts.push(inArray(tickets.priority, filter.priority));
  if (filter.owner?.length) parts.push(inArray(tickets.ownerParty, filter.owner));
  if (filter.assignee) parts.push(eq(tickets.assigneeId, filter.assignee));
  if (filter.mine)
    parts.push(
      or(
        eq(tickets.assigneeId, filter.mine),
        sql`${tickets.groupId} in (select ${groupMembers.groupId} from ${groupMembers} where ${groupMembers.userId} = ${filter.mine})`,
      ),
    );
  if (filter.q) {
    parts.push(
      or(sql`${tickets.search} @@ ${searchQuerySql(filter.q)}`, eq(tickets.ref, filter.q.trim().toUpperCase())),
    );
  }
  return and(...parts) as SQL;
}

/**
 * The keyset condition "after this cursor" on a sort column. The value comes from the client: it
 * must be of the column's kind (a priority, or an instant), else the cursor is refused.
 */
function keysetAfter(column: SortColumn, cursor: Cursor, descending: boolean): SQL {
  const idAfter = descending ? lt(tickets.id, cursor.id) : gt(tickets.id, cursor.id);
  if (column === tickets.priority) {
    const v = cursor.v;
    if (!isPriority(v)) throw new AppError('validation.invalid', 'cursor', { field: 'cursor' });
    const after = descending ? lt(tickets.priority, v) : gt(tickets.priority, v);
    return or(after, and(eq(tickets.priority, v), idAfter)) ?? sql`false`;
  }
  // The SLA due sort is ascending only, NULLs (no running clock) last: an empty value is a NULL row.
  if (column === tickets.slaDueAt && cursor.v === '')
    return and(isNull(column), gt(tickets.id, cursor.id)) ?? sql`false`;
  const at = new Date(cursor.v);
  if (Number.isNaN(at.getTime())) throw new AppError('validation.invalid', 'cursor', { field: 'cursor' });
  const after = descending ? lt(column, at) : gt(column, at);
  const nullsAfter = column === tickets.slaDueAt ? isNull(column) : undefined;
  return or(after, and(eq(column, at), idAfter), nullsAfter) ?? sql`false`;
}

/** One page of the tickets the actor may see, newest first by default (keyset pagination). */
export async function listVisibleTickets(
  db: Db,
  actor: Actor,
  filter: TicketFilter,
  sort: Sort,
  limit: number,
  cursor?: Cursor,
) {
  const descending = sort.startsWith('-');
  // Every TicketSort is a SORT_COLUMNS key, with or without its leading '-'.
  const column = SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS];
  const where = [filterSql(actor, filter)];
  if (cursor) where.push(keysetAfter(column, cursor, descending));
  const order = descending
    ? [desc(column), desc(tickets.id)]
    : [column === tickets.slaDueAt ? sql`${column} asc nulls last` : asc(column), asc(tickets.id)];
  const rows = await db
    .select({ ticket: LIST_COLUMNS, groupName: groups.name, assigneeName: users.displayName })
    .from(tickets)
    .leftJoin(groups, eq(groups.id, tickets.groupId))
    .leftJoin(users, eq(users.id, tickets.assigneeId))
    .where(and(...where))
    .orderBy(...order)
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next: Cursor | null =
    rows.length > limit && last
      ? {
          v:
            column === tickets.priority
              ? last.ticket.priority
              : (last.ticket[sort.replace('-', '') as 'createdAt' | 'slaDueAt']?.toISOString() ?? ''),
          id: last.ticket.id,
        }
      : null;
  return { rows: page, next };
}

/** Totals above this are reported as "this many or more": counting every match is O(matches). */
export const TOTAL_CAP = 1000;

/** How many tickets the actor may see under a filter (same visibility rule as lists), counting at most TOTAL_CAP + 1. */
export async function countVisibleTickets(db: Db, actor: Actor, filter: TicketFilter): Promise<number> {
  // The reader's party is on most tickets: intersecting its tens of thousands of entries in the participants
  // index with the other filters' costs more than testing each candidate row (BENCHMARKS.md, *Lists*).
  const capped = db
    .select({ one: sql`1` })
    .from(tickets)
    .where(filterSql(actor, filter, { partyIndex: false }))
    .limit(TOTAL_CAP + 1)
    .as('capped');
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(capped);
  return Number(row?.n ?? 0);
}

/** Names of a ticket's group and assignee, for presentation (one query). */
export async function ticketNames(db: Db, ticket: TicketRow) {
  if (!ticket.groupId && !ticket.assigneeId) return { groupName: null, assigneeName: null };
  const [row] = await namesOf(db, null, { group: ticket.groupId, assignee: ticket.assigneeId });
  return { groupName: row?.groupName ?? null, assigneeName: row?.assigneeName ?? null };
}

const namesOf = preparedRead(
  () => 'names',
  (db) => {
    const group = db
      .select({ name: groups.name })
      .from(groups)
      .where(eq(groups.id, sql.placeholder('group')));
    const assignee = db
      .select({ name: users.displayName })
      .from(users)
      .where(eq(users.id, sql.placeholder('assignee')));
    return db
      .select({ groupName: sql<string | null>`(${group})`, assigneeName: sql<string | null>`(${assignee})` })
      .from(sql`(select 1) as one`);
  },
);

/** A ticket's timeline in order, as the actor may see it (internal events of their own party only). */
export async function ticketTimeline(db: Db, actor: Actor, ticketId: string) {
  const rows = await timelineOf(db, actor, { ticket: ticketId });
  return rows.map(parsedEvent);
}

const timelineOf = preparedRead(eventVisibilityKey, (db, actor: Actor) =>
  db
    .select(eventColumnsWithoutSearch)
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, sql.placeholder('ticket')), eventVisibleTo(actor)))
    .orderBy(asc(ticketEvents.seq)),
);

/** Links of a ticket to other tickets the actor may also see, in both directions (one query). */
export async function visibleLinks(db: Db, actor: Actor, ticketId: string) {
  const rows = await linksOf(db, actor, { ticket: ticketId });
  return rows.map(({ kind, fromId, ...ticket }) => ({
    kind,
    direction: fromId === ticketId ? ('from' as const) : ('to' as const),
    ticket,
  }));
}

const linksOf = preparedRead(visibilityKey, (db, actor: Actor) => {
  const ticketId = sql.placeholder('ticket');
  const outgoing = eq(ticketLinks.fromId, ticketId);
  return db
    .select({
      kind: ticketLinks.kind,
      fromId: ticketLinks.fromId,
      id: tickets.id,
      ref: tickets.ref,
      type: tickets.type,
      title: tickets.title,
      status: tickets.status,
    })
    .from(ticketLinks)
    .innerJoin(
      tickets,
      or(
        and(outgoing, eq(tickets.id, ticketLinks.toId)),
        and(eq(ticketLinks.toId, ticketId), eq(tickets.id, ticketLinks.fromId)),
      ),
    )
    .where(and(or(outgoing, eq(ticketLinks.toId, ticketId)), ticketVisibleTo(actor)));
});

/** The levels of the tickets this one was made from or gathers (`from` side of the given link kinds). */
export async function linkedTargetLevels(db: Db, ticketId: string, kinds: readonly LinkKind[]): Promise<Sensitivity[]> {
  const rows = await db
    .select({ sensitivity: tickets.sensitivity })
    .from(ticketLinks)
    .innerJoin(tickets, eq(tickets.id, ticketLinks.toId))
    .where(and(eq(ticketLinks.fromId, ticketId), inArray(ticketLinks.kind, [...kinds])));
  return rows.map((r) => r.sensitivity);
}
