/** The languages every person-facing text exists in. */
export const LANGS = ['en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

/** A text given in every language. */
export type LocalText = Record<Lang, string>;

/** The language a stored tag names, when it is one Passerelle speaks (else null). */
export function asLang(tag: string | null | undefined): Lang | null {
  return LANGS.find((lang) => lang === tag) ?? null;
}
