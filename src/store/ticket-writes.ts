import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { EventVisibility, TimelineEvent } from '../domain/events.ts';
import { lifecycleOf } from '../domain/lifecycle.ts';
import { applyFact, type SlaFacts } from '../domain/sla-facts.ts';
import type { TicketType } from '../domain/ticket-types.ts';
import type { Db } from './db.ts';
import { auditLog, ticketCounters, ticketEvents, ticketLinks, tickets } from './schema.ts';
import type { TicketRow } from './ticket-reads.ts';

/** Issues the next number for a party, type and year; the row lock serialises concurrent creators. */
export async function nextTicketNumber(tx: Db, partyId: string, type: string, year: number): Promise<number> {
  const rows = await tx
    .insert(ticketCounters)
    .values({ partyId, type, year, last: 1 })
    .onConflictDoUpdate({
      target: [ticketCounters.partyId, ticketCounters.type, ticketCounters.year],
      set: { last: sql`${ticketCounters.last} + 1` },
    })
    .returning({ last: ticketCounters.last });
  return rows[0]!.last;
}

export type NewTicket = typeof tickets.$inferInsert;

export async function insertTicket(tx: Db, values: NewTicket): Promise<TicketRow> {
  const rows = await tx.insert(tickets).values(values).returning();
  return rows[0]!;
}

/** Applies a change to a locked ticket and bumps its version. */
export async function updateTicket(tx: Db, id: string, patch: Partial<NewTicket>, now: Date): Promise<TicketRow> {
  const rows = await tx
    .update(tickets)
    .set({ ...patch, version: sql`${tickets.version} + 1`, updatedAt: now })
    .where(eq(tickets.id, id))
    .returning();
  return rows[0]!;
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

/** Appends timeline events with consecutive per-ticket sequence numbers. */
export async function appendEvents(tx: Db, ticketId: string, author: EventAuthor, events: PendingEvent[], now: Date) {
  if (events.length === 0) return;
  const [row] = await tx.select({ seq: tickets.eventSeq, facts: tickets.slaFacts, owner: tickets.ownerParty, type: tickets.type }).from(tickets).where(eq(tickets.id, ticketId));
  const first = row!.seq + 1;
  // The SLA projection is folded from exactly the events written here, in the same transaction.
  const initial = lifecycleOf(row!.type as TicketType).initial;
  const facts = events.reduce<SlaFacts | null>(
    (acc, { event }) => applyFact(acc, { kind: event.kind, at: now.getTime(), data: event.data as Record<string, unknown>, system: author.actorId === null }, row!.owner, initial),
    row!.facts as SlaFacts | null,
  );
  await tx.update(tickets).set({ eventSeq: row!.seq + events.length, slaFacts: facts }).where(eq(tickets.id, ticketId));
  await tx.insert(ticketEvents).values(
    events.map(({ event, visibility }, index) => ({
      id: randomUUID(),
      ticketId,
      seq: first + index,
      kind: event.kind,
      visibility: visibility ?? 'shared',
      data: event.data,
      ...author,
      createdAt: now,
    })),
  );
}

export async function insertLink(tx: Db, fromId: string, toId: string, kind: string, now: Date) {
  await tx.insert(ticketLinks).values({ id: randomUUID(), fromId, toId, kind, createdAt: now });
}

export interface AuditEntry {
  actorId: string | null;
  party: string | null;
  action: string;
  targetId?: string;
  data?: Record<string, unknown>;
}

/** Writes an audit entry, inside the caller's transaction. */
export async function writeAudit(tx: Db, entry: AuditEntry, now: Date = new Date()) {
  await tx.insert(auditLog).values({ ...entry, data: entry.data ?? {}, at: now });
}
