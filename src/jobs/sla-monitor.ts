import { and, asc, eq, gt, inArray, isNotNull, lte, notInArray, sql } from 'drizzle-orm';

import { newAlerts, type SlaState } from '../domain/sla.ts';
import { applyTicketChange } from '../services/write-path/record-events.ts';
import { slaEnvironmentFor, slaOfTickets, SLA_TYPES } from '../services/sla/ticket-sla.ts';
import { nextCheckAt } from '../services/sla/sla-next-check.ts';
import type { Db } from '../store/db.ts';
import { findParty } from '../store/directory.ts';
import { nextTurn } from '../store/next-turn.ts';
import { parties, tickets } from '../store/schema/index.ts';
import { lockTicket, type TicketRow } from '../store/ticket-reads.ts';
import { writeAudit, type PendingEvent } from '../store/ticket-writes.ts';
import type { SlaFacts } from '../domain/sla-facts.ts';

const CLOSED = ['closed'];
type ClockName = 'gti' | 'gtr' | 'gte';

/** How long a ticket whose check failed waits before the next try (the others go on meanwhile). */
const RETRY_AFTER_MS = 5 * 60_000;

/**
 * SLA-4: checks the open tickets whose next check instant has come (`sla_next_check_at`, indexed),
 * so a pass costs what is due, not what is open. For each newly crossed threshold it writes a
 * timeline event (which notifies the assignee and the desk) and, on a resolution or escalation
 * breach, escalates one level up the holding party's levels; every ticket looked at gets its next
 * instant. Idempotent: each threshold is signalled once, under the ticket's row lock. The due ids
 * are read in batches (keyset on id), then each ticket is checked in its own short transaction,
 * yielding to requests between tickets; a ticket another transaction holds (a write, another
 * node's pass) is skipped: whoever holds it writes its next instant. A ticket whose check fails is
 * logged and looked at again `RETRY_AFTER_MS` later, so it never holds the others' alerts back.
 */
export async function checkSla(
  db: Db,
  instanceId: string,
  mail: boolean,
  now = new Date(),
  batch = 200,
  log: (error: unknown) => void = () => undefined,
): Promise<number> {
  await recomputeChangedParties(db, now, batch);
  let raised = 0;
  let after = FIRST_ID;
  for (;;) {
    const due = await dueIds(db, now, after, batch);
    for (const id of due) {
      raised += await checkTicket(db, id, instanceId, mail, now, log);
      await nextTurn();
    }
    if (due.length < batch) return raised;
    after = due.at(-1)!;
  }
}

const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/** The next batch (by id, after `after`) of open tickets whose next check instant has come; one short read. */
async function dueIds(db: Db, now: Date, after: string, batch: number): Promise<string[]> {
  const rows = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(lte(tickets.slaNextCheckAt, now), sql`${tickets.status} <> 'closed'`, gt(tickets.id, after)))
    .orderBy(asc(tickets.id))
    .limit(batch);
  return rows.map((r) => r.id);
}

/**
 * After a change to a party's calendar, windows or targets (its `sla_stamp` moved) or after the
 * upgrade that added the column (`sla_checked_stamp` null), recomputes the next check instant of
 * the party's open tickets, in short locked batches (keyset on id) so requests run between them.
 */
async function recomputeChangedParties(db: Db, now: Date, batch: number) {
  const changed = await db
    .select({ id: parties.id, stamp: parties.slaStamp })
    .from(parties)
    .where(sql`${parties.slaCheckedStamp} IS DISTINCT FROM ${parties.slaStamp}`);
  for (const party of changed) {
    let after = FIRST_ID;
    for (let more = true; more;) {
      after = await db.transaction(async (tx) => {
        const raw = await tx
          .select(SLA_CHECK_COLUMNS)
          .from(tickets)
          .where(and(eq(tickets.ownerParty, party.id), openUnderSla(), gt(tickets.id, after)))
          .orderBy(asc(tickets.id))
          .limit(batch)
          .for('update');
        more = raw.length === batch;
        const rows = raw.map(parsedSlaRow);
        await writeNextChecks(tx, rows, now);
        return rows.at(-1)?.id ?? after;
      });
      await nextTurn();
    }
    await db.update(parties).set({ slaCheckedStamp: party.stamp }).where(eq(parties.id, party.id));
  }
}

/** Writes the next check instant of some locked tickets (due ones included: the pass signals them). */
async function writeNextChecks(tx: Db, rows: SlaRow[], now: Date) {
  if (rows.length === 0) return;
  const env = await slaEnvironmentFor(tx, rows, now.getTime());
  const next = rows.map((row) => {
    const at = nextCheckAt(env, row, now.getTime());
    return { id: row.id, at: at === null ? null : new Date(at).toISOString() };
  });
  await updateNextChecks(tx, next);
}

async function updateNextChecks(tx: Db, next: { id: string; at: string | null }[]) {
  if (next.length === 0) return;
  await tx.execute(sql`
    UPDATE tickets SET sla_next_check_at = n.at
    FROM json_to_recordset(${JSON.stringify(next)}::json) AS n(id uuid, at timestamptz)
    WHERE tickets.id = n.id`);
}

/**
 * Checks one due ticket in its own transaction, under its row lock (skipped if another transaction
 * holds it, or if it is no longer due: another node's pass got there first). On failure, logs it
 * with the ticket named and puts its next check `RETRY_AFTER_MS` ahead.
 */
async function checkTicket(
  db: Db,
  id: string,
  instanceId: string,
  mail: boolean,
  now: Date,
  log: (error: unknown) => void,
): Promise<number> {
  try {
    return await db.transaction(async (tx) => {
      const [raw] = await tx
        .select(SLA_CHECK_COLUMNS)
        .from(tickets)
        .where(and(eq(tickets.id, id), lte(tickets.slaNextCheckAt, now), sql`${tickets.status} <> 'closed'`))
        .for('update', { skipLocked: true });
      if (!raw) return 0;
      const row = parsedSlaRow(raw);
      const env = await slaEnvironmentFor(tx, [row], now.getTime());
      const at = nextCheckAt(env, row, now.getTime());
      // A crossed threshold not signalled yet: signal it, which also writes the next instant.
      if (at !== null && at <= now.getTime()) {
        const signalled = await signal(tx, row.id, instanceId, mail, now);
        // Nothing to signal after all (cannot happen with the same facts): look again next pass, not in this one.
        if (signalled === 0) await updateNextChecks(tx, [{ id, at: new Date(now.getTime() + 1).toISOString() }]);
        return signalled;
      }
      await updateNextChecks(tx, [{ id, at: at === null ? null : new Date(at).toISOString() }]);
      return 0;
    });
  } catch (error) {
    log(new Error(`SLA check of ticket ${id} failed; next try in ${RETRY_AFTER_MS / 60_000} min`, { cause: error }));
    await updateNextChecks(db, [{ id, at: new Date(now.getTime() + RETRY_AFTER_MS).toISOString() }]);
    return 0;
  }
}

/** Open tickets of the types under service levels, with SLA facts. */
function openUnderSla() {
  return and(inArray(tickets.type, [...SLA_TYPES]), notInArray(tickets.status, CLOSED), isNotNull(tickets.slaFacts));
}

const SLA_CHECK_COLUMNS = {
  id: tickets.id,
  type: tickets.type,
  ownerParty: tickets.ownerParty,
  priority: tickets.priority,
  service: tickets.service,
  // As text, parsed here: PGlite hands jsonb over far slower than text (measured: 1.4 s vs 0.8 s per 100k).
  slaFacts: sql<string>`${tickets.slaFacts}::text`,
  // Text too: PGlite parses arrays and timestamps slowly, and the scan reads every open ticket.
  slaAlerts: sql<string>`array_to_string(${tickets.slaAlerts}, ',')`,
};
export type SlaRow = Omit<{ [K in keyof typeof SLA_CHECK_COLUMNS]: TicketRow[K] }, 'slaFacts' | 'slaAlerts'> & {
  slaFacts: SlaFacts | null;
  slaAlerts: string[];
};

function parsedSlaRow(r: { slaFacts: string; slaAlerts: string } & Omit<SlaRow, 'slaFacts' | 'slaAlerts'>): SlaRow {
  // Read as text for speed (PGlite hands jsonb over slowly); only the timeline fold writes it.
  return { ...r, slaFacts: JSON.parse(r.slaFacts) as SlaFacts, slaAlerts: r.slaAlerts ? r.slaAlerts.split(',') : [] };
}

/** Computes the SLA state of every open ticket under service levels, in batches (keyset on id). */

export async function scanOpenSla(
  db: Db,
  now: Date,
  visit: (row: SlaRow, sla: SlaState | null) => void,
  batch = 10_000,
): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let seen = 0;
  for (;;) {
    const raw = await db
      .select(SLA_CHECK_COLUMNS)
      .from(tickets)
      .where(and(openUnderSla(), gt(tickets.id, after)))
      .orderBy(asc(tickets.id))
      .limit(batch);
    if (raw.length === 0) return seen;
    const rows = raw.map(parsedSlaRow);
    after = rows.at(-1)!.id;
    seen += rows.length;
    const states = await slaOfTickets(db, rows, now.getTime(), true);
    for (const row of rows) visit(row, states.get(row.id) ?? null);
  }
}

/** Signals the thresholds a ticket locked by the caller has newly crossed, in the caller's transaction. */
async function signal(tx: Db, id: string, instanceId: string, mail: boolean, now: Date): Promise<number> {
  const ticket = await lockTicket(tx, id);
  const sla = (await slaOfTickets(tx, [ticket], now.getTime())).get(id);
  if (!sla) return 0;
  const alerts = newAlerts(sla, ticket.slaAlerts);
  if (alerts.length === 0) return 0;
  const events: PendingEvent[] = alerts.map((alert) => {
    const [clock, level] = alert.split(':') as [ClockName, string];
    return {
      event: {
        kind: level === 'breached' ? 'sla_breached' : 'sla_warning',
        data: { clock, targetMs: sla[clock].targetMs, elapsedMs: sla[clock].elapsedMs },
      },
    };
  });
  const patch: Partial<TicketRow> = { slaAlerts: [...ticket.slaAlerts, ...alerts] };
  if (alerts.some((a) => a === 'gtr:breached' || a === 'gte:breached')) {
    const levels = (await findParty(tx, ticket.holderParty))?.escalationLevels ?? [];
    const next = levels.find((l) => l.level === ticket.escalationLevel + 1);
    if (next) {
      patch.escalationLevel = next.level;
      events.push({
        event: {
          kind: 'escalated',
          data: {
            mode: 'hierarchical',
            fromLevel: ticket.escalationLevel,
            toLevel: next.level,
            levelName: next.name,
            reason: 'SLA breach',
          },
        },
      });
    }
  }
  await applyTicketChange(
    tx,
    ticket,
    patch,
    { actorId: null, actorName: 'Passerelle', party: ticket.ownerParty, instanceId },
    events,
    now,
    mail,
  );
  await writeAudit(
    tx,
    { actorId: null, party: ticket.ownerParty, action: 'sla.alert', targetId: id, data: { ref: ticket.ref, alerts } },
    now,
  );
  return alerts.length;
}
