import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { FormError } from '../ui/errors.tsx';
import { useTitle } from '../ui/useTitle.ts';
import { basicsBody, BasicsFields, EMPTY_BASICS, type Basics } from './BasicsFields.tsx';
import { ClassSelect } from './ClassSelect.tsx';
import { parseRefs, RefsField } from './RefsField.tsx';
import { useCreate } from './useCreate.ts';

const FIELDS = ['title', 'description', 'service', 'impact', 'sensitivity', 'incidents'] as const;

/** Records a problem (PRB), optionally from incidents; criticality follows how many incidents it explains. */
export function NewProblemPage({ incidents: initialIncidents }: { incidents: string[] }) {
  const { t } = useI18n();
  useTitle(t('new.problem.title'));
  const [basics, setBasics] = useState<Basics>(EMPTY_BASICS);
  const [impact, setImpact] = useState('I3');
  const [sensitivity, setSensitivity] = useState('LIMITED');
  const [incidents, setIncidents] = useState(initialIncidents.join(', '));
  const { error, busy, create } = useCreate('/problems', 'new.problem.done');

  function submit(event: FormEvent) {
    event.preventDefault();
    const refs = parseRefs(incidents);
    void create({ ...basicsBody(basics), impact, sensitivity, ...(refs.length ? { incidents: refs } : {}) });
  }

  return (
    <section className="page page--narrow" aria-labelledby="new-problem-title">
      <h1 id="new-problem-title">{t('new.problem.title')}</h1>
      <form className="card form" onSubmit={submit} noValidate>
        <FormError error={error} fields={FIELDS} />
        <BasicsFields value={basics} onChange={(patch) => setBasics((b) => ({ ...b, ...patch }))} error={error} />
        <div className="form-row">
          <ClassSelect kind="impact" value={impact} onChange={setImpact} error={error} />
          <ClassSelect kind="sensitivity" value={sensitivity} onChange={setSensitivity} error={error} />
        </div>
        <RefsField
          name="incidents"
          label={t('new.problem.incidents')}
          hint={t('new.problem.incidentsHint')}
          value={incidents}
          onChange={setIncidents}
          error={error}
        />
        <div className="form-actions">
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? t('common.saving') : t('new.problem.submit')}
          </button>
          <a className="btn btn--ghost" href={href('/problems')}>
            {t('common.cancel')}
          </a>
        </div>
      </form>
    </section>
  );
}
