import type { SecurityPolicy } from '../../../contract/security.ts';
import { CIA } from '../../../domain/security.ts';
import { SEVERITIES } from '../../../domain/taxonomy.ts';
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { IMPACTS } from '../ui/constants.ts';
import { FormError } from '../ui/errors.tsx';
import { Field } from '../ui/Field.tsx';
import { Checks, Options } from '../ui/form/inputs.tsx';
import { SubmitRow } from '../ui/form/SubmitRow.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';
import { useGet } from '../ui/useGet.ts';
import { SeverityScaleEditor, type ScaleRow } from './SeverityScaleEditor.tsx';

const POLICY_ROLES = ['security_officer', 'level_manager', 'imt_member', 'party_admin', 'agent'] as const;

/** SEC-7 / SEC-9: who of the party is told of a security incident, and the national severity scale. */
export function SecurityPolicySection() {
  const { t } = useI18n();
  const { user } = useSession();
  const loaded = useGet<SecurityPolicy>(`/parties/${user.party}/security-policy`);
  const [policy, setPolicy] = useState<SecurityPolicy | null>(null);
  const [scale, setScale] = useState<ScaleRow[]>([]);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!loaded.data) return;
    setPolicy(loaded.data);
    setScale(Object.entries(loaded.data.severityScale).map(([national, common]) => ({ national, common })));
  }, [loaded.data]);

  const { busy, error, submit } = useFormSubmit(async () => {
    if (!policy) return;
    setSaved(false);
    const severityScale = Object.fromEntries(
      scale.filter((r) => r.national.trim()).map((r) => [r.national.trim(), r.common]),
    );
    loaded.setData(
      await api.put<SecurityPolicy>(`/parties/${user.party}/security-policy`, { ...policy, severityScale }),
    );
    setSaved(true);
  });

  const set = (patch: Partial<SecurityPolicy>) => policy && setPolicy({ ...policy, ...patch });
  return (
    <section className="card block" aria-labelledby="policy-title">
      <h2 id="policy-title">{t('policy.title')}</h2>
      <FormError error={error ?? loaded.error} />
      {saved && (
        <p className="alert alert--success" role="status">
          {t('policy.saved')}
        </p>
      )}
      {policy && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <fieldset className="checklist-fieldset">
            <legend>{t('policy.notifyImpacts')}</legend>
            <Checks
              options={IMPACTS}
              value={policy.notifyImpacts}
              label={(i) => t(`impact.${i}`)}
              onChange={(notifyImpacts) => set({ notifyImpacts })}
            />
          </fieldset>
          <fieldset className="checklist-fieldset">
            <legend>{t('policy.notifyCia')}</legend>
            <Checks
              options={CIA}
              value={policy.notifyCia}
              label={(c) => t(`cia.${c}`)}
              onChange={(notifyCia) => set({ notifyCia })}
            />
          </fieldset>
          <label className="check">
            <input
              type="checkbox"
              checked={policy.notifyPersonalData}
              onChange={(e) => set({ notifyPersonalData: e.target.checked })}
            />
            {t('policy.notifyPersonalData')}
          </label>
          <Field label={t('policy.minSeverity')}>
            {(c) => (
              <select
                {...c}
                value={policy.minSeverity ?? ''}
                onChange={(e) => set({ minSeverity: SEVERITIES.find((s) => s === e.target.value) ?? null })}
              >
                <option value="">{t('policy.minSeverityNone')}</option>
                <Options values={SEVERITIES} label={(s) => t(`severity.${s}`)} />
              </select>
            )}
          </Field>
          <fieldset className="checklist-fieldset">
            <legend>{t('policy.roles')}</legend>
            <Checks
              options={POLICY_ROLES}
              value={policy.roles}
              label={(r) => t(`role.${r}`)}
              onChange={(roles) => set({ roles })}
            />
          </fieldset>
          <SeverityScaleEditor rows={scale} onChange={setScale} />
          <SubmitRow busy={busy} label={t('policy.save')} />
        </form>
      )}
    </section>
  );
}
