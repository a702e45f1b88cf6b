import type { EventVisibility, TimelineEvent } from './events.ts';
import { z } from 'zod';
import { isPriority, PRIORITIES } from './priority.ts';
/**
 * The facts SLA clocks need, projected from a ticket's timeline: when it opened, when the
 * first intervention happened, and from which instant it had which status and holder.
 * The projection is a pure fold over events, so the same history always gives the same
 * facts; tickets keep a copy that the same fold maintains event by event.
 */
export const SegmentSchema = z.object({
  at: z.number(),
  status: z.string(),
  holder: z.string(),
  /** The priority in force: a later change of priority never re-measures earlier time. */
  priority: z.enum(PRIORITIES),
});
export type Segment = z.infer<typeof SegmentSchema>;

export const SlaFactsSchema = z.object({
  openedAt: z.number(),
  firstInterventionAt: z.number().nullable(),
  segments: z.array(SegmentSchema),
});
export type SlaFacts = z.infer<typeof SlaFactsSchema>;

/** A timeline event with its instant. */
export type FactEvent = TimelineEvent & {
  at: number;
  /** Written by Passerelle itself (e.g. an automatic escalation): never an intervention. */
  system?: boolean;
  /** `internal`: seen by the owning party only (an internal note). Absent means shared. */
  visibility?: EventVisibility;
};

/**
 * Acts of taking charge (SLA-3, SNC 7.6.4): taking the ticket into work (assigning it,
 * transferring it to the desk that will work on it, any change of its status such as
 * starting or pending it, escalating it, recording a known error or a resolution).
 */
const TAKING_CHARGE = new Set([
  'assigned',
  'transferred',
  'known_error_recorded',
  'status_changed',
  'escalated',
  'resolved',
]);

/**
 * The first intervention (GTI stops there) is an act of taking charge visible to the
 * requester's side: one of `TAKING_CHARGE`, or a shared reply (`comment`), done by a person
 * (not by Passerelle itself) and not internal. An internal note never counts, whatever it says.
 */
export function isIntervention(event: FactEvent): boolean {
  if (event.system || event.visibility === 'internal') return false;
  return event.kind === 'comment' || TAKING_CHARGE.has(event.kind);
}

/** Applies one timeline event to the facts (creation starts them; before it there are none). */
export function applyFact(
  facts: SlaFacts | null,
  event: FactEvent,
  ownerParty: string,
  initialStatus: string,
): SlaFacts | null {
  if (event.kind === 'created') {
    return {
      openedAt: event.at,
      firstInterventionAt: null,
      segments: [{ at: event.at, status: initialStatus, holder: ownerParty, priority: event.data.priority }],
    };
  }
  if (!facts) return null;
  const last = facts.segments.at(-1)!;
  const next = { ...facts, segments: facts.segments };
  if (facts.firstInterventionAt === null && isIntervention(event)) next.firstInterventionAt = event.at;
  if (event.kind === 'status_changed') {
    const to = event.data.to;
    next.segments = [
      ...facts.segments,
      { ...last, at: event.at, status: to, holder: to === 'resolved' ? ownerParty : last.holder },
    ];
  } else if (event.kind === 'transferred') {
    next.segments = [...facts.segments, { ...last, at: event.at, holder: event.data.toParty }];
  } else if (event.kind === 'field_changed' && event.data.field === 'priority' && isPriority(event.data.to)) {
    next.segments = [...facts.segments, { ...last, at: event.at, priority: event.data.to }];
  }
  return next;
}

/** Folds a whole timeline (in sequence order) into facts. */
export function projectFacts(events: FactEvent[], ownerParty: string, initialStatus: string): SlaFacts | null {
  return events.reduce<SlaFacts | null>((facts, event) => applyFact(facts, event, ownerParty, initialStatus), null);
}
