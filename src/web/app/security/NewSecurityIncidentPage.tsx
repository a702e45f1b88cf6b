import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { basicsBody, BasicsFields, EMPTY_BASICS, type Basics } from '../process/BasicsFields.tsx';
import { ClassSelect } from '../process/ClassSelect.tsx';
import { useCreate } from '../process/useCreate.ts';
import { href } from '../router.ts';
import { useSession } from '../session.tsx';
import { levelsUpTo } from '../ui/constants.ts';
import { Field } from '../ui/Field.tsx';
import { useTitle } from '../ui/useTitle.ts';
import { FormShell } from '../ui/form/FormShell.tsx';
import { Options } from '../ui/form/inputs.tsx';

/** SEC-1: records a security incident directly; it is at least ETS SENSITIVE and owned at level 3. */
export function NewSecurityIncidentPage() {
  const { t } = useI18n();
  const { user } = useSession();
  useTitle(t('security.new.title'));
  const [basics, setBasics] = useState<Basics>(EMPTY_BASICS);
  const [impact, setImpact] = useState('I2');
  const [criticality, setCriticality] = useState('C2');
  const [sensitivity, setSensitivity] = useState('SENSITIVE');
  const { error, busy, create } = useCreate('/security-incidents', 'security.new.done');
  const levels = levelsUpTo(user.clearance).filter((l) => l !== 'LIMITED');

  function submit() {
    void create({ ...basicsBody(basics), impact, criticality, sensitivity, channel: 'console' });
  }

  return (
    <section className="page page--narrow" aria-labelledby="new-security-title">
      <h1 id="new-security-title">{t('security.new.title')}</h1>
      <p className="muted">{t('security.new.intro')}</p>
      <FormShell
        className="card form"
        onSubmit={submit}
        error={error}
        busy={busy}
        submitLabel={t('security.new.submit')}
        buttons={
          <a className="btn btn--ghost" href={href('/security')}>
            {t('common.cancel')}
          </a>
        }
      >
        <BasicsFields value={basics} onChange={(patch) => setBasics((b) => ({ ...b, ...patch }))} />
        <div className="form-row">
          <ClassSelect kind="impact" value={impact} onChange={setImpact} />
          <ClassSelect kind="criticality" value={criticality} onChange={setCriticality} />
          <Field label={t('ticket.sensitivity')} name="sensitivity" hint={t('security.new.sensitivityHint')}>
            {(c) => (
              <select {...c} name="sensitivity" value={sensitivity} onChange={(e) => setSensitivity(e.target.value)}>
                <Options values={levels} label={(l) => t(`sensitivity.${l}`)} />
              </select>
            )}
          </Field>
        </div>
      </FormShell>
    </section>
  );
}
