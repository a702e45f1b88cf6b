import { randomUUID } from 'node:crypto';
import { queueWebhookDeliveries, type WebhookAudience } from './webhooks.ts';
import { eq, sql } from 'drizzle-orm';
import type { EventVisibility, TimelineEvent } from '../domain/events.ts';
import { lifecycleOf } from '../domain/lifecycle.ts';
import { applyFact, type SlaFacts } from '../domain/sla-facts.ts';
import type { TicketType } from '../domain/ticket-types.ts';
import type { Db } from './db.ts';
import { builtInsert, builtOnce, StoreValue } from './prepared.ts';
import { REF_DIGITS, ticketRefPrefix } from '../domain/identifiers.ts';
import { auditLog, ticketCounters, ticketEvents, ticketLinks, tickets } from './schema/index.ts';
import { parsedTicket, TICKET_COLUMNS, type TicketRow } from './ticket-reads.ts';

/** Issues the next number for a party, type and year; the row lock serialises concurrent creators. */
export async function nextTicketNumber(tx: Db, partyId: string, type: string, year: number): Promise<number> {
  const rows = await issueNumber(tx, null, { party: partyId, type, year });
  return rows[0]!.last;
}

const issueNumber = builtOnce(
  () => 'number',
  (db) =>
    db
      .insert(ticketCounters)
      .values({
        partyId: sql.placeholder('party'),
        type: sql.placeholder('type'),
        year: sql.placeholder('year'),
        last: 1,
      })
      .onConflictDoUpdate({
        target: [ticketCounters.partyId, ticketCounters.type, ticketCounters.year],
        set: { last: sql`${ticketCounters.last} + 1` },
      })
      .returning({ last: ticketCounters.last }),
);

/**
 * The identifier at the number last issued for (party, type, year), formed by the store as
 * formatTicketRef forms it: a ticket, its events and its audit entry written in the same round
 * trip as `nextTicketNumber` (inOrder, after it, in the same transaction, which holds the
 * counter's row) carry the number issued without waiting for it.
 */
export function refAtCounter(partyId: string, type: TicketType, year: number): StoreValue {
  return new StoreValue(
    'refAtCounter',
    sql`(select ${sql.placeholder('ref.prefix')}::text || lpad(last::text, greatest(${sql.raw(String(REF_DIGITS))},
      length(last::text)), '0') from ${ticketCounters} where party_id = ${sql.placeholder('ref.party')}
      and type = ${sql.placeholder('ref.type')} and year = ${sql.placeholder('ref.year')}::integer)`,
    { 'ref.party': partyId, 'ref.type': type, 'ref.year': year, 'ref.prefix': ticketRefPrefix(partyId, type, year) },
  );
}

/** JSON `data` (an event's, an audit entry's) with `ref` set to `refAtCounter`'s identifier by the store (its `ref` wins). */
export function withRefAtCounter(name: string, data: object, ref: StoreValue): StoreValue {
  return new StoreValue(
    `withRefAtCounter.${name}`,
    sql`${sql.placeholder(`${name}.data`)}::jsonb || jsonb_build_object('ref', ${ref.expression})`,
    { ...ref.values, [`${name}.data`]: JSON.stringify(data) },
  );
}

export type NewTicket = typeof tickets.$inferInsert;

/** A new ticket's row, its identifier possibly formed by the store (refAtCounter). */
export type InsertedTicket = Omit<NewTicket, 'ref'> & { ref: string | StoreValue };

export async function insertTicket(tx: Db, values: InsertedTicket): Promise<TicketRow> {
  const rows = await insertTicketRow(tx, [values]);
  return parsedTicket(rows[0]!);
}

const insertTicketRow = builtInsert((db, [row]) =>
  db
    .insert(tickets)
    .values(row as NewTicket)
    .returning(TICKET_COLUMNS),
);

/** Applies a change to a locked ticket and bumps its version. */
export async function updateTicket(tx: Db, id: string, patch: Partial<NewTicket>, now: Date): Promise<TicketRow> {
  const rows = await tx
    .update(tickets)
    .set({ ...patch, version: sql`${tickets.version} + 1`, updatedAt: now })
    .where(eq(tickets.id, id))
    .returning(TICKET_COLUMNS);
  return parsedTicket(rows[0]!);
}

export interface EventAuthor {
  actorId: string | null;
  actorName: string;
  party: string;
  instanceId: string;
}

export interface PendingEvent {
  event: TimelineEvent;
  visibility?: EventVisibility;
}

/** What a ticket must say of itself for events to be folded onto it. */
export interface EventTarget {
  id: string;
  eventSeq: number;
  slaFacts: SlaFacts | null;
  ownerParty: string;
  type: TicketType;
}

/**
 * Folds events onto a ticket in memory: the ticket columns they change (next sequence
 * number, SLA facts) and the rows to insert. Callers write both in their own transaction,
 * so the projection always matches exactly the events written with it.
 */
export function foldEvents(target: EventTarget, author: EventAuthor, events: PendingEvent[], now: Date) {
  const initial = lifecycleOf(target.type).initial;
  const facts = events.reduce<SlaFacts | null>(
    (acc, { event, visibility }) =>
      applyFact(
        acc,
        { ...event, at: now.getTime(), system: author.actorId === null, visibility: visibility ?? 'shared' },
        target.ownerParty,
        initial,
      ),
    target.slaFacts,
  );
  const rows = events.map(({ event, visibility }, index) => ({
    id: randomUUID(),
    ticketId: target.id,
    seq: target.eventSeq + index + 1,
    kind: event.kind,
    visibility: visibility ?? 'shared',
    data: event.data,
    ...author,
    createdAt: now,
  }));
  return { patch: { eventSeq: target.eventSeq + events.length, slaFacts: facts }, rows };
}

/** Event rows as written: `data` may be formed by the store (withRefAtCounter). */
type EventRows = (Omit<ReturnType<typeof foldEvents>['rows'][number], 'data'> & {
  data: TimelineEvent['data'] | StoreValue;
})[];

/** Writes event rows and their webhook deliveries (`audience`: the ticket's subscriptions, when the caller read them). */
export async function insertEventRows(tx: Db, rows: EventRows, audience?: WebhookAudience) {
  if (rows.length === 0) return;
  await insertEvents(tx, rows);
  await queueWebhookDeliveries(tx, rows, audience);
}

/** What appending events to a ticket needs of it (sequence, facts) and what its SLA due instant needs, read in the caller's transaction. */
export async function readEventTarget(tx: Db, ticketId: string) {
  const [row] = await tx
    .select({
      id: tickets.id,
      eventSeq: tickets.eventSeq,
      slaFacts: tickets.slaFacts,
      ownerParty: tickets.ownerParty,
      type: tickets.type,
      priority: tickets.priority,
      service: tickets.service,
      slaAlerts: tickets.slaAlerts,
    })
    .from(tickets)
    .where(eq(tickets.id, ticketId));
  return row!;
}

/** Writes what appended events change on a ticket (sequence, SLA facts, due and next-check instants); the version stays. */
export async function writeEventProjection(tx: Db, ticketId: string, patch: Partial<NewTicket>) {
  await tx.update(tickets).set(patch).where(eq(tickets.id, ticketId));
}

export async function insertLink(tx: Db, fromId: string, toId: string, kind: string, now: Date) {
  await tx.insert(ticketLinks).values({ id: randomUUID(), fromId, toId, kind, createdAt: now });
}

export interface AuditEntry {
  actorId: string | null;
  party: string | null;
  action: string;
  targetId?: string;
  /** May be formed by the store (withRefAtCounter). */
  data?: Record<string, unknown> | StoreValue;
}

/** Writes an audit entry, inside the caller's transaction. */
export async function writeAudit(tx: Db, entry: AuditEntry, now: Date = new Date()) {
  await insertAudit(tx, [{ ...entry, data: entry.data ?? {}, at: now }]);
}

const insertEvents = builtInsert((db, rows) =>
  db.insert(ticketEvents).values(rows as (typeof ticketEvents.$inferInsert)[]),
);

const insertAudit = builtInsert((db, [row]) => db.insert(auditLog).values(row as typeof auditLog.$inferInsert));
