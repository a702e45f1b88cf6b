import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { useTitle } from '../ui/useTitle.ts';
import { basicsBody, BasicsFields, EMPTY_BASICS, type Basics } from './BasicsFields.tsx';
import { ClassSelect } from './ClassSelect.tsx';
import { parseRefs, RefsField } from './RefsField.tsx';
import { useCreate } from './useCreate.ts';
import { FormShell } from '../ui/form/FormShell.tsx';

/** Plans a release (REL) grouping approved changes. */
export function NewReleasePage({ changes: initialChanges }: { changes: string[] }) {
  const { t } = useI18n();
  useTitle(t('new.release.title'));
  const [basics, setBasics] = useState<Basics>(EMPTY_BASICS);
  const [impact, setImpact] = useState('');
  const [criticality, setCriticality] = useState('');
  const [sensitivity, setSensitivity] = useState('LIMITED');
  const [changes, setChanges] = useState(initialChanges.join(', '));
  const { error, busy, create } = useCreate('/releases', 'new.release.done');

  function submit() {
    const refs = parseRefs(changes);
    void create({
      ...basicsBody(basics),
      sensitivity,
      ...(impact ? { impact } : {}),
      ...(criticality ? { criticality } : {}),
      ...(refs.length ? { changes: refs } : {}),
    });
  }

  return (
    <section className="page page--narrow" aria-labelledby="new-release-title">
      <h1 id="new-release-title">{t('new.release.title')}</h1>
      <FormShell
        className="card form"
        onSubmit={submit}
        error={error}
        busy={busy}
        submitLabel={t('new.release.submit')}
        buttons={
          <a className="btn btn--ghost" href={href('/releases')}>
            {t('common.cancel')}
          </a>
        }
      >
        <BasicsFields value={basics} onChange={(patch) => setBasics((b) => ({ ...b, ...patch }))} />
        <div className="form-row">
          <ClassSelect
            kind="impact"
            value={impact}
            onChange={setImpact}

            emptyLabel={t('new.release.unset')}
          />
          <ClassSelect
            kind="criticality"
            value={criticality}
            onChange={setCriticality}

            emptyLabel={t('new.release.unset')}
          />
          <ClassSelect kind="sensitivity" value={sensitivity} onChange={setSensitivity} />
        </div>
        <RefsField
          name="changes"
          label={t('new.release.changes')}
          hint={t('new.release.changesHint')}
          value={changes}
          onChange={setChanges}
        />
      </FormShell>
    </section>
  );
}
