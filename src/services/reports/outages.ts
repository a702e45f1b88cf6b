import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { assertOperatesParty } from '../../policies/operations.ts';
import type { Db } from '../../store/db.ts';
import { outages, tickets } from '../../store/schema/index.ts';
import { partyOutages } from '../../store/reports.ts';
import { ticketVisibleTo } from '../../policies/ticket-visibility.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import type { Actor } from '../../domain/actor.ts';
import { loadVisibleTicket } from '../write-path/ticket-action.ts';
import { proposeChange } from '../agreements/propose-change.ts';

export interface OutageInput {
  service: string;
  detectedAt?: Date | null | undefined;
  reportedAt?: Date | null | undefined;
  restoredAt?: Date | null | undefined;
  ticket?: string | undefined;
}

function check(o: { detectedAt: Date | null; reportedAt: Date | null; restoredAt: Date | null }) {
  if (!o.detectedAt && !o.reportedAt) throw new AppError('validation.required', 'detectedAt', { field: 'detectedAt' });
  const start = Math.min(...[o.detectedAt, o.reportedAt].filter((d): d is Date => d !== null).map((d) => d.getTime()));
  if (o.restoredAt && o.restoredAt.getTime() <= start)
    throw new AppError('validation.invalid', 'restoredAt', { field: 'restoredAt', detail: 'after_start' });
}

/** SLA-6: records an outage of one of the actor's party's services, optionally linked to an incident. */
export async function recordOutage(db: Db, actor: Actor, input: OutageInput) {
  assertOperatesParty(actor, actor.party);
  const values = {
    detectedAt: input.detectedAt ?? null,
    reportedAt: input.reportedAt ?? null,
    restoredAt: input.restoredAt ?? null,
  };
  check(values);
  const ticket = input.ticket ? await loadVisibleTicket(db, actor, input.ticket) : null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(outages)
      .values({
        id: randomUUID(),
        partyId: actor.party,
        service: input.service,
        ...values,
        ticketId: ticket?.id ?? null,
        createdBy: actor.id,
      })
      .returning();
    await writeAudit(tx, {
      actorId: actor.id,
      party: actor.party,
      action: 'outage.record',
      targetId: row!.id,
      data: { service: input.service },
    });
    return row!;
  });
}

/** Corrects the start or records the restoration of an outage. */
export async function updateOutage(db: Db, actor: Actor, id: string, input: Omit<OutageInput, 'service' | 'ticket'>) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(outages).where(eq(outages.id, id));
    if (!row || row.partyId !== actor.party) throw new AppError('request.not_found');
    assertOperatesParty(actor, row.partyId);
    const next = {
      detectedAt: input.detectedAt === undefined ? row.detectedAt : input.detectedAt,
      reportedAt: input.reportedAt === undefined ? row.reportedAt : input.reportedAt,
      restoredAt: input.restoredAt === undefined ? row.restoredAt : input.restoredAt,
    };
    check(next);
    const [updated] = await tx.update(outages).set(next).where(eq(outages.id, id)).returning();
    await writeAudit(tx, { actorId: actor.id, party: actor.party, action: 'outage.update', targetId: id });
    return updated!;
  });
}

/**
 * SLA-6 availability targets are part of the common agreement (SNC 10.2): setting one proposes
 * it, in force from `effectiveFrom` once every other party has accepted it.
 */
export async function setServiceTarget(
  db: Db,
  actor: Actor,
  partyId: string,
  service: string,
  targetPct: number,
  effectiveFrom: string,
) {
  return proposeChange(db, actor, {
    party: partyId,
    effectiveFrom,
    change: { kind: 'service_target', service, targetPct },
  });
}

/** A party's outages; the incident behind one is named only to readers who may see that ticket. */
export async function listOutages(db: Db, actor: Actor, partyId: string) {
  const rows = await partyOutages(db, partyId);
  const ids = rows.flatMap((o) => (o.ticketId ? [o.ticketId] : []));
  const visible =
    ids.length === 0
      ? []
      : await db
          .select({ id: tickets.id })
          .from(tickets)
          .where(and(inArray(tickets.id, ids), ticketVisibleTo(actor)));
  const seen = new Set(visible.map((v) => v.id));
  return rows.map((o) => ({ ...o, ticketId: o.ticketId && seen.has(o.ticketId) ? o.ticketId : null }));
}
