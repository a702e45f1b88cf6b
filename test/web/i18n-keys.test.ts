import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from '../../src/domain/notifications.ts';
import en from '../../src/web/i18n/en.json';
import fr from '../../src/web/i18n/fr.json';

const LANGS: Record<string, Record<string, string>> = { en, fr };
const APP = new URL('../../src/web/app/', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every key the console asks for by its literal name: t('…'), and `key: '…'` entries of tables of keys. */
function literalKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  for (const file of sources(APP)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*\.[\w.-]+)'/g)) keys.set(match[1]!, file);
  }
  return keys;
}

describe('console i18n: every key in both languages', () => {
  it('French and English hold the same keys, none empty', () => {
    const missingInFr = Object.keys(en).filter((key) => !(key in fr));
    const missingInEn = Object.keys(fr).filter((key) => !(key in en));
    expect({ missingInFr, missingInEn }).toEqual({ missingInFr: [], missingInEn: [] });
    for (const [lang, dictionary] of Object.entries(LANGS))
      expect(
        Object.entries(dictionary).filter(([, text]) => !text.trim()),
        lang,
      ).toEqual([]);
  });

  it('every key the console names literally exists in both languages', () => {
    const keys = literalKeys();
    expect(keys.size).toBeGreaterThan(300);
    for (const [lang, dictionary] of Object.entries(LANGS)) {
      const missing = [...keys].filter(([key]) => !(key in dictionary)).map(([key, file]) => `${key} (${file})`);
      expect(missing, lang).toEqual([]);
    }
  });

  it('every notification kind has its label in both languages (Settings, notifications, timeline)', () => {
    for (const [lang, dictionary] of Object.entries(LANGS)) {
      const missing = NOTIFICATION_KINDS.filter((kind) => !(`notification.kind.${kind}` in dictionary));
      expect(missing, lang).toEqual([]);
    }
  });
});
