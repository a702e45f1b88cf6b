import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { useTitle } from '../ui/useTitle.ts';
import { basicsBody, BasicsFields, EMPTY_BASICS, type Basics } from './BasicsFields.tsx';
import { ClassSelect } from './ClassSelect.tsx';
import { parseRefs, RefsField } from './RefsField.tsx';
import { useCreate } from './useCreate.ts';
import { FormShell } from '../ui/form/FormShell.tsx';

/** Records a problem (PRB), optionally from incidents; criticality follows how many incidents it explains. */
export function NewProblemPage({ incidents: initialIncidents }: { incidents: string[] }) {
  const { t } = useI18n();
  useTitle(t('new.problem.title'));
  const [basics, setBasics] = useState<Basics>(EMPTY_BASICS);
  const [impact, setImpact] = useState('I3');
  const [sensitivity, setSensitivity] = useState('LIMITED');
  const [incidents, setIncidents] = useState(initialIncidents.join(', '));
  const { error, busy, create } = useCreate('/problems', 'new.problem.done');

  function submit() {
    const refs = parseRefs(incidents);
    void create({ ...basicsBody(basics), impact, sensitivity, ...(refs.length ? { incidents: refs } : {}) });
  }

  return (
    <section className="page page--narrow" aria-labelledby="new-problem-title">
      <h1 id="new-problem-title">{t('new.problem.title')}</h1>
      <FormShell
        className="card form"
        onSubmit={submit}
        error={error}
        busy={busy}
        submitLabel={t('new.problem.submit')}
        buttons={
          <a className="btn btn--ghost" href={href('/problems')}>
            {t('common.cancel')}
          </a>
        }
      >
        <BasicsFields value={basics} onChange={(patch) => setBasics((b) => ({ ...b, ...patch }))} />
        <div className="form-row">
          <ClassSelect kind="impact" value={impact} onChange={setImpact} />
          <ClassSelect kind="sensitivity" value={sensitivity} onChange={setSensitivity} />
        </div>
        <RefsField
          name="incidents"
          label={t('new.problem.incidents')}
          hint={t('new.problem.incidentsHint')}
          value={incidents}
          onChange={setIncidents}
        />
      </FormShell>
    </section>
  );
}
