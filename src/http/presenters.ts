import type { ClockState, SlaState } from '../domain/sla.ts';
import type { TicketDetail as Detail } from '../services/tickets/get-ticket.ts';
import { consultationOverdue, type Disagreement } from '../domain/processes.ts';
import { regulatoryClocks, tlpFor } from '../domain/security.ts';
import { detailsOf } from '../services/write-path/details.ts';
import { withFields } from '../domain/with-fields.ts';

import type { TicketListRow, TicketRow } from '../store/ticket-reads.ts';
import type { z } from 'zod';
import type { PresentedDetails, TicketDetail, TicketSummary } from '../contract/schemas.ts';

type Summary = z.infer<typeof TicketSummary>;

/** The list shape of a ticket. */
/** An SLA state with instants as ISO strings. */
export function presentSla(sla: SlaState | null): Summary['sla'] {
  if (!sla) return null;
  const clock = (c: ClockState) => ({ ...c, dueAt: c.dueAt === null ? null : new Date(c.dueAt).toISOString() });
  return {
    level: sla.level,
    gti: clock(sla.gti),
    gtr: clock(sla.gtr),
    gte: clock(sla.gte),
    pausedMs: sla.pausedMs,
    byParty: sla.byParty,
  };
}

export function presentSummary(
  ticket: TicketListRow,
  groupName: string | null,
  assigneeName: string | null,
  sla: SlaState | null,
): Summary {
  return {
    id: ticket.id,
    ref: ticket.ref,
    type: ticket.type,
    title: ticket.title,
    status: ticket.status,
    priority: ticket.priority,
    impact: ticket.impact,
    criticality: ticket.criticality,
    sensitivity: ticket.sensitivity,
    service: ticket.service,
    ownerParty: ticket.ownerParty,
    holderParty: ticket.holderParty,
    participants: ticket.participants,
    group: ticket.groupId && groupName ? { id: ticket.groupId, name: groupName } : null,
    assignee: ticket.assigneeId && assigneeName ? { id: ticket.assigneeId, displayName: assigneeName } : null,
    escalationLevel: ticket.escalationLevel,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
    version: ticket.version,
    sla: presentSla(sla),
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The full shape of a ticket with timeline, links and allowed actions. */
export function presentDetail(detail: Detail): z.infer<typeof TicketDetail> {
  const t = detail.ticket;
  // Fields added to the summary, not spread into a new object (domain/with-fields.ts).
  const withDetail = withFields(presentSummary(t, detail.groupName, detail.assigneeName, detail.sla), {
    description: t.description,
    reporter: t.reporter,
    reporterEmail: t.reporterEmail,
    channel: t.channel,
    priorityReason: t.priorityReason,
    knownError: t.knownError,
    workaround: t.workaround,
    resolution: t.resolution,
    checklist: t.checklist ?? null,
    resolvedAt: iso(t.resolvedAt),
    closedAt: iso(t.closedAt),
    links: detail.links,
    timeline: detail.timeline.map((e) => ({
      id: e.id,
      seq: e.seq,
      kind: e.kind,
      visibility: e.visibility,
      data: e.data,
      actor: { id: e.actorId, name: e.actorName },
      party: e.party,
      createdAt: e.createdAt.toISOString(),
    })),
    tlp: tlpFor(t.sensitivity),
    team: t.team,
    teamMembers: detail.teamMembers,
    allowedActions: detail.allowedActions,
  });
  return withFields(withDetail, presentDetails(t, detail.links, t.closedAt));
}

type Link = Detail['links'][number];
type Presented = { details: z.infer<typeof PresentedDetails>; disagreement: Disagreement | null };

/**
 * The per-type facts, with tickets named only through the reader's visible links: a change or
 * release the reader may not see is left out, not even its id.
 */
export function presentDetails(
  ticket: Pick<TicketRow, 'type' | 'ref' | 'details'>,
  links: Link[],
  closedAt: Date | null = null,
): Presented {
  const linked = (kind: string, direction: 'from' | 'to') =>
    links.filter((l) => l.kind === kind && l.direction === direction).map((l) => l.ticket);
  const disagreement = ticket.details.disagreement ?? null;
  switch (ticket.type) {
    case 'release': {
      const { changeIds: _ids, disagreement: _d, ...rest } = detailsOf(ticket, 'release');
      return { details: { ...rest, changes: linked('implements', 'from') }, disagreement };
    }
    case 'security': {
      // SEC-8: the regulatory clocks, counted from the moment of awareness.
      const { disagreement: _d, ...rest } = detailsOf(ticket, 'security');
      const clocks = rest.awareAt ? regulatoryClocks(new Date(rest.awareAt), rest.stages, new Date(), closedAt) : [];
      return { details: { ...rest, clocks }, disagreement };
    }
    case 'change': {
      const { releaseId: _release, origin, disagreement: _d, ...rest } = detailsOf(ticket, 'change');
      const source = linked('change_for', 'from')[0];
      const release = linked('implements', 'to')[0];
      return {
        details: {
          ...rest,
          origin: { ...origin, ticket: source ? { id: source.id, ref: source.ref } : null },
          releaseRef: release?.ref ?? null,
        },
        disagreement,
      };
    }
    case 'consultation': {
      // CBM-5: which deadline has passed unmet, computed at reading time like the SLA clocks.
      const { disagreement: _d, ...rest } = detailsOf(ticket, 'consultation');
      return { details: { ...rest, overdue: consultationOverdue(rest, Date.now()) }, disagreement };
    }
    default: {
      const { disagreement: _d, ...rest } = detailsOf(ticket, ['incident', 'problem', 'request']);
      return { details: rest, disagreement };
    }
  }
}
