import type { Lang } from '../domain/lang.ts';
import en from '../web/i18n/en.json' with { type: 'json' };
import fr from '../web/i18n/fr.json' with { type: 'json' };

/**
 * The labels people read for states, actions, roles and fields, in both languages. One source
 * for the console and the server: the console's translation files, so an error names a state
 * exactly as the screen does ("En cours", not "in_progress").
 */
const LABELS: Record<Lang, Record<string, string>> = { en, fr };

/** Where each message parameter's label is looked up, in order; the raw value when none has one. */
const KEYS: Record<string, (value: string) => string[]> = {
  status: (v) => [`status.${v}`],
  from: (v) => [`status.${v}`],
  to: (v) => [`status.${v}`],
  state: (v) => [`certState.${v}`, `status.${v}`],
  action: (v) => [`action.${v}`, `field.${v}`],
  role: (v) => [`role.${v}`],
  agreementKind: (v) => [`agreement.kinds.${v}`],
  contactLevel: (v) => [`cbm.contacts.levels.${v}`],
  field: (v) => {
    const [head = '', ...rest] = v.split('.');
    const tail = rest.join('.');
    return [
      `field.${v}`,
      ...(head === 'checklist' ? [`checklist.${tail}`, `releaseChecklist.${tail}`] : []),
      `releaseChecklist.${v}`,
    ];
  },
};

/** A parameter's value as people read it in `lang`. */
export function labelOf(lang: Lang, param: string, value: string | number): string | number {
  const keys = KEYS[param];
  if (!keys || typeof value !== 'string' || value === '') return value;
  for (const key of keys(value)) {
    const text = LABELS[lang][key];
    if (text) return text;
  }
  return value;
}

/** Every parameter of a message replaced by its label where it has one. */
export function labelled(lang: Lang, params: Record<string, string | number>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, labelOf(lang, name, value)]));
}
