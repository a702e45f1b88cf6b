/** The languages every person-facing text exists in. */
export const LANGS = ['en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

/** A text given in every language. */
export type LocalText = Record<Lang, string>;
