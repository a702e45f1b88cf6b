/** COL-4: a plain page, or a technical guideline that the parties approve jointly. */
export const WIKI_KINDS = ['page', 'guideline'] as const;
export type WikiKind = (typeof WIKI_KINDS)[number];

/** A slug: lower-case words joined by hyphens, 2–80 characters. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;

/** Joint approval: a version is approved when every party of the page has approved it. */
export function jointlyApproved(pageParties: readonly string[], approvedBy: readonly string[]): boolean {
  return pageParties.every((p) => approvedBy.includes(p));
}
