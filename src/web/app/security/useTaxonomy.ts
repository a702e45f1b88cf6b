import { localized } from '../details.ts';
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import type { SecurityTaxonomy as Taxonomy, TaxonomyClass } from '../../../contract/security.ts';

let cache: Promise<Taxonomy> | null = null;

function load(): Promise<Taxonomy> {
  cache ??= api.get<Taxonomy>('/security/taxonomy').catch((error: unknown) => {
    cache = null;
    throw error;
  });
  return cache;
}

export interface TaxonomyLabels {
  classes: TaxonomyClass[];
  severities: string[];
  /** The label of a class in the user's language (the value until loaded). */
  classLabel(klass: string): string;
  typeLabel(klass: string, type: string): string;
}

/** SEC-9: the reference taxonomy (RSIT) with labels in the console's language, loaded once. */
export function useTaxonomy(): TaxonomyLabels {
  const { lang } = useI18n();
  const [data, setData] = useState<Taxonomy | null>(null);
  useEffect(() => {
    let current = true;
    load().then(
      (d) => current && setData(d),
      (error: unknown) => console.error(error),
    );
    return () => {
      current = false;
    };
  }, []);
  const classes = data?.taxonomy.classes ?? [];
  const find = (klass: string) => classes.find((c) => c.value === klass);
  return {
    classes,
    severities: data?.severities ?? ['low', 'medium', 'high', 'critical'],
    classLabel: (klass) => localized(find(klass)?.label, lang) || klass,
    typeLabel: (klass, type) => localized(find(klass)?.types.find((t) => t.value === type)?.label, lang) || type,
  };
}
