import { and, asc, eq, gt, inArray, isNotNull, isNull, notInArray, sql } from 'drizzle-orm';
import { STOPPED_STATUSES } from '../domain/sla.ts';
import type { TicketType } from '../domain/ticket-types.ts';
import type { Db } from './db.ts';
import { tickets } from './schema/index.ts';

/** Which tickets a refresh of `sla_due_at` covers: one party's, or those never computed (the backfill). */
export type SlaDueScope = { party: string } | { unset: true };

/**
 * The next batch (by id, after `afterId`) of tickets of `types` whose clocks may run, locked until the
 * caller's transaction ends, so a concurrent change of one of them waits and the value written is
 * computed from its latest facts.
 */
export async function lockSlaDueBatch(tx: Db, scope: SlaDueScope, types: TicketType[], afterId: string, limit: number) {
  return tx
    .select({
      id: tickets.id,
      type: tickets.type,
      ownerParty: tickets.ownerParty,
      priority: tickets.priority,
      service: tickets.service,
      slaFacts: tickets.slaFacts,
    })
    .from(tickets)
    .where(
      and(
        inArray(tickets.type, types),
        notInArray(tickets.status, [...STOPPED_STATUSES]),
        gt(tickets.id, afterId),
        // Without SLA facts no clock runs (the due instant stays null): the backfill leaves those alone.
        'party' in scope
          ? eq(tickets.ownerParty, scope.party)
          : and(isNotNull(tickets.slaFacts), isNull(tickets.slaDueAt)),
      ),
    )
    .orderBy(asc(tickets.id))
    .limit(limit)
    .for('update');
}

/** Sets the `sla_due_at` of some tickets in one statement (no version change: nothing the ticket says changed). */
export async function setSlaDues(tx: Db, dues: [string, Date | null][]) {
  if (dues.length === 0) return;
  const values = sql.join(
    dues.map(([id, due]) => sql`(${id}::uuid, ${due?.toISOString() ?? null}::timestamptz)`),
    sql`, `,
  );
  await tx.execute(
    sql`update tickets set sla_due_at = v.due from (values ${values}) as v(id, due) where tickets.id = v.id`,
  );
}

/** Whether a party owns tickets of `types` whose clocks may run (a settings change then has something to refresh). */
export async function hasSlaDueTickets(tx: Db, partyId: string, types: TicketType[]): Promise<boolean> {
  const rows = await tx
    .select({ id: tickets.id })
    .from(tickets)
    .where(
      and(
        eq(tickets.ownerParty, partyId),
        inArray(tickets.type, types),
        notInArray(tickets.status, [...STOPPED_STATUSES]),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
