import type { Lang } from '../../domain/lang.ts';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { setApiLanguage } from './api.ts';

type Params = Record<string, string | number>;
const DICTIONARIES: Record<Lang, Record<string, string>> = { en, fr };
const STORAGE_KEY = 'passerelle.language';

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** The translation of `key` with `{name}` placeholders filled from `params`. */
  t(key: string, params?: Params): string;
  /** A date and time in the current language. */
  formatDate(iso: string | null | undefined): string;
}

function initialLanguage(): Lang {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'fr') return stored;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** The translation of `key` in `lang` (English, then the key itself, when missing). */
export function translate(lang: Lang, key: string, params?: Params): string {
  const template = DICTIONARIES[lang][key] ?? DICTIONARIES.en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const I18nContext = createContext<I18n | null>(null);

/** Holds the current language; the choice is kept in localStorage and sent to the API. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = initialLanguage();
    setApiLanguage(initial);
    document.documentElement.lang = initial;
    return initial;
  });
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    setApiLanguage(next);
    document.documentElement.lang = next;
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dates = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    return {
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      formatDate: (iso) => (iso ? dates.format(new Date(iso)) : ''),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its translator. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
