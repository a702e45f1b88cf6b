/** INC-6 closure checklist items, each of which must be confirmed. */
export const INCIDENT_CLOSURE_CHECKLIST = [
  'categorisationVerified',
  'informationComplete',
  'documentationUpdated',
  'stakeholdersInformed',
] as const;
export type ClosureItem = (typeof INCIDENT_CLOSURE_CHECKLIST)[number];

/** The first unticked item of a checklist, or null when all are ticked. */
export function firstOpenItem(checklist: Partial<Record<ClosureItem, boolean>>): ClosureItem | null {
  return INCIDENT_CLOSURE_CHECKLIST.find((item) => checklist[item] !== true) ?? null;
}

/**
 * INC-6: an incident is formally closed once its closure is communicated to the other party.
 * Every incident recorded here concerns the link, so at closure each other party of the link
 * joins it (if it never did) and its desk gets the closure notice like any participant: in
 * its own language, and only for the users whose clearance covers the incident.
 */
export function partiesInformedAtClosure(type: string, ownerParty: string, linkParties: readonly string[]): string[] {
  return type === 'incident' ? linkParties.filter((p) => p !== ownerParty) : [];
}
