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
