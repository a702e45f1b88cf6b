import { inArray } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { LEVEL3_ROLES } from '../../domain/security.ts';

import { incidentBundle, type StixBundle } from '../../domain/stix.ts';
import { parties } from '../../store/schema/index.ts';
import { ticketTimeline } from '../../store/ticket-reads.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf } from '../write-path/details.ts';
import { loadVisibleTicket } from '../write-path/ticket-action.ts';

/**
 * ISM-5: a security incident as a STIX 2.1 bundle marked TLP 2.0 from its ETS level. Read under
 * the visibility rule (hidden or not a security incident = 404), then only by level 3 or the
 * incident management team (others 403). It carries the incident, its parties and indicators:
 * no person's name, nothing of another ticket.
 */
export async function stixExport(ctx: ServiceContext, idOrRef: string): Promise<{ ref: string; bundle: StixBundle }> {
  const ticket = await loadVisibleTicket(ctx.db, ctx.actor, idOrRef);
  if (ticket.type !== 'security') throw new AppError('ticket.not_found');
  const level3 = ctx.actor.roles.some((role) => LEVEL3_ROLES.includes(role));
  if (!level3 && !(ticket.team ?? []).includes(ctx.actor.id)) throw new AppError('auth.forbidden');
  const details = detailsOf(ticket, 'security');
  const [partyRows, events] = await Promise.all([
    ctx.db.select({ id: parties.id, name: parties.name }).from(parties).where(inArray(parties.id, ticket.participants)),
    ticketTimeline(ctx.db, ctx.actor, ticket.id),
  ]);
  // The n-th indicator_recorded event dates the n-th indicator (both are append-only).
  const recorded = events.filter((e) => e.kind === 'indicator_recorded').map((e) => e.createdAt);
  const bundle = incidentBundle({
    id: ticket.id,
    ref: ticket.ref,
    title: ticket.title,
    description: ticket.description,
    sensitivity: ticket.sensitivity,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    parties: ticket.participants.map((id) => ({ id, name: partyRows.find((p) => p.id === id)?.name ?? id })),
    taxonomy: details.taxonomy,
    severity: details.severity,
    indicators: (details.indicators ?? []).map((indicator, index) => ({
      ...indicator,
      recordedAt: recorded[index] ?? ticket.updatedAt,
    })),
  });
  return { ref: ticket.ref, bundle };
}
