/** Impact, criticality and priority scales of SLA-1. */
export const IMPACTS = ['I1', 'I2', 'I3'] as const;
export const CRITICALITIES = ['C1', 'C2', 'C3'] as const;
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4', 'P5'] as const;
export type Impact = (typeof IMPACTS)[number];
export type Criticality = (typeof CRITICALITIES)[number];
export type Priority = (typeof PRIORITIES)[number];

/** Whether a value is one of the five priorities. */
export function isPriority(value: unknown): value is Priority {
  return (PRIORITIES as readonly unknown[]).includes(value);
}

/** criticality → impact → priority. */
export type PriorityMatrix = Record<Criticality, Record<Impact, Priority>>;

/** SLA-1 default: C1: P1 P2 P3; C2: P2 P3 P4; C3: P3 P4 P5. */
export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = {
  C1: { I1: 'P1', I2: 'P2', I3: 'P3' },
  C2: { I1: 'P2', I2: 'P3', I3: 'P4' },
  C3: { I1: 'P3', I2: 'P4', I3: 'P5' },
};

/** Priority of a ticket from its impact and criticality, using the party's matrix. */
export function priorityFor(
  impact: Impact,
  criticality: Criticality,
  matrix: PriorityMatrix = DEFAULT_PRIORITY_MATRIX,
): Priority {
  return matrix[criticality][impact];
}

/** True when every cell of a candidate matrix holds a known priority. */
export function isCompleteMatrix(matrix: unknown): matrix is PriorityMatrix {
  if (typeof matrix !== 'object' || matrix === null) return false;
  const rows = matrix as Record<string, Record<string, unknown> | undefined>;
  return CRITICALITIES.every((c) => IMPACTS.every((i) => (PRIORITIES as readonly unknown[]).includes(rows[c]?.[i])));
}
