import rsit from './rsit.json' with { type: 'json' };

/** SEC-9: the reference security incident taxonomy (RSIT), shipped as data. */
export const TAXONOMY = rsit;

/** True when `type` is a type of the class `klass` in the taxonomy. */
export function isTaxonomyType(klass: string, type: string): boolean {
  return TAXONOMY.classes.some((c) => c.value === klass && c.types.some((t) => t.value === type));
}

/** SEC-9 common severity scale, lowest first. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A party's own scale: each national level mapped to a common one. */
export type SeverityMapping = Record<string, Severity>;

/** The common severity of a level on a party's national scale, or null when the party does not define it. */
export function commonSeverity(mapping: SeverityMapping | undefined, national: string): Severity | null {
  // Own keys only: `constructor` or `__proto__` are not levels of anyone's scale.
  if (!mapping || !Object.hasOwn(mapping, national)) return null;
  const level = mapping[national];
  return SEVERITIES.find((s) => s === level) ?? null;
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
