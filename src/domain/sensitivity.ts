/** ETS sensitivity levels (ISM-2), ordered from least to most sensitive. */
export const SENSITIVITIES = ['LIMITED', 'SENSITIVE', 'CRITICAL'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

export type CiaLevel = 'LOW' | 'MEDIUM' | 'HIGH';

/** Rank of a level: 0 for LIMITED up to 2 for CRITICAL. */
export function sensitivityRank(level: Sensitivity): number {
  return SENSITIVITIES.indexOf(level);
}

/** True when a user with `clearance` may read a record classified `level` (ISM-4). */
export function clearanceCovers(clearance: Sensitivity, level: Sensitivity): boolean {
  return sensitivityRank(clearance) >= sensitivityRank(level);
}

/** Every level a clearance may read, for use as an SQL `IN` list. */
export function levelsCoveredBy(clearance: Sensitivity): Sensitivity[] {
  return SENSITIVITIES.filter((level) => clearanceCovers(clearance, level));
}

/** The higher of two levels. */
export function maxSensitivity(a: Sensitivity, b: Sensitivity): Sensitivity {
  return sensitivityRank(a) >= sensitivityRank(b) ? a : b;
}

/** ISM-2: any HIGH gives CRITICAL, else any MEDIUM gives SENSITIVE, else LIMITED. */
export function sensitivityFromCia(c: CiaLevel, i: CiaLevel, a: CiaLevel): Sensitivity {
  const levels = [c, i, a];
  if (levels.includes('HIGH')) return 'CRITICAL';
  if (levels.includes('MEDIUM')) return 'SENSITIVE';
  return 'LIMITED';
}
