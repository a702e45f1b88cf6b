import type { TicketDetail as Detail } from '../services/get-ticket.ts';
import type { TicketRow } from '../store/ticket-reads.ts';
import type { z } from 'zod';
import type { TicketDetail, TicketSummary } from './schemas.ts';

type Summary = z.infer<typeof TicketSummary>;

/** The list shape of a ticket. */
export function presentSummary(ticket: TicketRow, groupName: string | null, assigneeName: string | null): Summary {
  return {
    id: ticket.id,
    ref: ticket.ref,
    type: ticket.type as Summary['type'],
    title: ticket.title,
    status: ticket.status,
    priority: ticket.priority as Summary['priority'],
    impact: ticket.impact as Summary['impact'],
    criticality: ticket.criticality as Summary['criticality'],
    sensitivity: ticket.sensitivity as Summary['sensitivity'],
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
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The full shape of a ticket with timeline, links and allowed actions. */
export function presentDetail(detail: Detail): z.infer<typeof TicketDetail> {
  const t = detail.ticket;
  return {
    ...presentSummary(t, detail.groupName, detail.assigneeName),
    description: t.description,
    reporter: t.reporter,
    channel: t.channel,
    priorityReason: t.priorityReason,
    knownError: t.knownError,
    workaround: t.workaround,
    resolution: t.resolution,
    checklist: (t.checklist as Record<string, boolean> | null) ?? null,
    resolvedAt: iso(t.resolvedAt),
    closedAt: iso(t.closedAt),
    links: detail.links,
    timeline: detail.timeline.map((e) => ({
      id: e.id,
      seq: e.seq,
      kind: e.kind,
      visibility: e.visibility as 'shared' | 'internal',
      data: e.data as Record<string, unknown>,
      actor: { id: e.actorId, name: e.actorName },
      party: e.party,
      createdAt: e.createdAt.toISOString(),
    })),
    allowedActions: detail.allowedActions,
  };
}
