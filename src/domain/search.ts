/** The sources one search covers (COL-6). */
export const SEARCH_KINDS = ['ticket', 'comment', 'known_error', 'wiki', 'exchange'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
