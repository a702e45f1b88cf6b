import type { Term } from '../../../contract/glossary.ts';
import { useI18n } from '../i18n.tsx';
import { href, navigate } from '../router.ts';
import { FormError } from '../ui/errors.tsx';
import { useGet } from '../ui/useGet.ts';
import { useTitle } from '../ui/useTitle.ts';
import { RecordForm } from './fields.tsx';

/** CBM-2: the glossary with each term's definition in the reader's language, and the proposal form. */
export function GlossaryPage() {
  const { t, lang } = useI18n();
  useTitle(t('cbm.glossary.title'));
  const list = useGet<{ items: Term[] }>('/glossary');
  return (
    <>
      <h1 id="cbm-title">{t('cbm.glossary.title')}</h1>
      <FormError error={list.error} />
      {list.data && list.data.items.length === 0 && <p className="empty">{t('cbm.none')}</p>}
      <dl>
        {list.data?.items.map((term) => (
          <div key={term.id}>
            <dt>
              <a href={href(`/glossary/${term.id}`)}>{term.term}</a>{' '}
              <span className="muted">({t(`cbm.glossary.statuses.${term.status}`)})</span>
            </dt>
            <dd>{lang === 'fr' ? term.current.definitionFr : term.current.definitionEn}</dd>
          </div>
        ))}
      </dl>
      <RecordForm
        title={t('cbm.glossary.propose')}
        submit={t('cbm.glossary.propose')}
        path="/glossary"
        fields={[
          { name: 'term', label: t('cbm.glossary.term'), required: true },
          { name: 'definitionFr', label: t('cbm.glossary.definitionFr'), required: true, multiline: true },
          { name: 'definitionEn', label: t('cbm.glossary.definitionEn'), required: true, multiline: true },
        ]}
        toBody={(v) => ({ term: v.term ?? '', definitionFr: v.definitionFr ?? '', definitionEn: v.definitionEn ?? '' })}
        onDone={(created: Term) => navigate(`/glossary/${created.id}`)}
      />
    </>
  );
}
