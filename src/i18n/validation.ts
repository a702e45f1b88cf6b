import { en, fr } from 'zod/locales';
import type { Lang } from '../domain/lang.ts';

const LOCALES = { en: en(), fr: fr() };

/** A validation issue (code plus its parameters) described in the caller's language by zod's own locale. */
export function describeIssue(lang: Lang, code: string, params: Record<string, unknown>, fallback: string): string {
  const text = LOCALES[lang].localeError?.({ ...params, code } as never);
  return typeof text === 'string' ? text : (text?.message ?? fallback);
}
