import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { useTitle } from '../ui/useTitle.ts';
import { AuditEntries } from './AuditEntries.tsx';
import { AuditFilters, NO_FILTER } from './AuditFilters.tsx';
import { ChainSection } from './ChainSection.tsx';

/** AUD-1/AUD-2: the audit entries that concern the reader's party (auditors, party administrators). */
export function AuditPage() {
  const { t } = useI18n();
  useTitle(t('audit.title'));
  const [filter, setFilter] = useState(NO_FILTER);
  return (
    <section className="page" aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <p className="hint">{t('audit.intro')}</p>
      <AuditFilters onApply={setFilter} />
      <AuditEntries filter={filter} />
      <ChainSection />
    </section>
  );
}
