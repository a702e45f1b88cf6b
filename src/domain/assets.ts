import { sensitivityFromCia, sensitivityRank, type CiaLevel, type Sensitivity } from './sensitivity.ts';

/** ISM-2 levels of confidentiality, integrity and availability. */
export const CIA_LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const satisfies readonly CiaLevel[];
export const CIA_FIELDS = ['confidentiality', 'integrity', 'availability'] as const;
export type CiaField = (typeof CIA_FIELDS)[number];
export type Cia = Record<CiaField, CiaLevel>;

/** active; pending while a common asset awaits the other parties; refused by one of them; retired after a review. */
export const ASSET_STATUSES = ['active', 'pending', 'refused', 'retired'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

/** ISM-3 review outcomes; `retired` takes the asset out of the inventory's active list and the LIS. */
export const REVIEW_OUTCOMES = ['confirmed', 'changed', 'retired'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export const DEFAULT_REVIEW_INTERVAL_DAYS = 365;
const DAY_MS = 86_400_000;

/** ISM-2: the ETS level of an asset, always derived from its C/I/A, never entered. */
export function assetSensitivity(cia: Cia): Sensitivity {
  return sensitivityFromCia(cia.confidentiality, cia.integrity, cia.availability);
}

/** The first C/I/A field that alone lifts the level above `clearance`, to name in a refusal. */
export function ciaFieldAbove(cia: Cia, clearance: Sensitivity): CiaField | null {
  return (
    CIA_FIELDS.find((f) => sensitivityRank(sensitivityFromCia(cia[f], 'LOW', 'LOW')) > sensitivityRank(clearance)) ??
    null
  );
}

/** ISM-3: an asset is on the sensitive information list when SENSITIVE or CRITICAL, or holding personal data. */
export function onLis(asset: { sensitivity: string; personalData: boolean }): boolean {
  return asset.sensitivity !== 'LIMITED' || asset.personalData;
}

/** ISM-3 aggregates: the whole is at least as sensitive as each of its parts. */
export function aggregateCoversParts(level: Sensitivity, parts: readonly Sensitivity[]): boolean {
  return parts.every((p) => sensitivityRank(p) <= sensitivityRank(level));
}

/** ISM-1: a change of the owner or of C/I/A of a common asset must be approved again by the other parties. */
export function needsReapproval(before: Cia & { owner: string }, after: Cia & { owner: string }): boolean {
  return before.owner !== after.owner || CIA_FIELDS.some((f) => before[f] !== after[f]);
}

/** When the next review falls due, counted from a review (or the registration). */
export function nextReviewFrom(from: Date, intervalDays: number): Date {
  return new Date(from.getTime() + intervalDays * DAY_MS);
}

/** The last review (or registration) instant implied by a due date and its interval. */
export function lastReviewOf(nextReviewAt: Date, intervalDays: number): Date {
  return new Date(nextReviewAt.getTime() - intervalDays * DAY_MS);
}

/** A review is overdue once its due date has passed, for an asset still in use. */
export function reviewOverdue(asset: { status: string; nextReviewAt: Date }, now: Date): boolean {
  return asset.status !== 'retired' && asset.nextReviewAt.getTime() <= now.getTime();
}
