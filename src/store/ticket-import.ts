import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './db.ts';
import { auditLog, ticketCounters, ticketEvents, tickets } from './schema/index.ts';

const BATCH = 500;

/** Reserves `count` consecutive numbers for a party, type and year; returns the first. */
export async function reserveTicketNumbers(
  tx: Db,
  partyId: string,
  type: string,
  year: number,
  count: number,
): Promise<number> {
  const rows = await tx
    .insert(ticketCounters)
    .values({ partyId, type, year, last: count })
    .onConflictDoUpdate({
      target: [ticketCounters.partyId, ticketCounters.type, ticketCounters.year],
      set: { last: sql`${ticketCounters.last} + ${count}` },
    })
    .returning({ last: ticketCounters.last });
  return rows[0]!.last - count + 1;
}

/** External identifiers among `ids` already imported into the party from `source` (audit entries `ticket.import`). */
export async function alreadyImported(db: Db, partyId: string, source: string, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await db
      .select({ externalId: sql<string>`${auditLog.data}->>'externalId'` })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'ticket.import'),
          eq(auditLog.party, partyId),
          sql`${auditLog.data}->>'source' = ${source}`,
          inArray(sql`${auditLog.data}->>'externalId'`, ids.slice(i, i + 5000)),
        ),
      );
    for (const row of rows) found.add(row.externalId);
  }
  return found;
}

/** Writes imported tickets, their events and one audit entry each, in batches, inside the caller's transaction. */
export async function insertImportedTickets(
  tx: Db,
  rows: (typeof tickets.$inferInsert)[],
  events: (typeof ticketEvents.$inferInsert)[],
  audit: (typeof auditLog.$inferInsert)[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await tx.insert(tickets).values(rows.slice(i, i + BATCH));
  for (let i = 0; i < events.length; i += BATCH) await tx.insert(ticketEvents).values(events.slice(i, i + BATCH));
  for (let i = 0; i < audit.length; i += BATCH) await tx.insert(auditLog).values(audit.slice(i, i + BATCH));
}
