import type { SecurityPolicy } from '../../../contract/security.ts';
import { CIA } from '../../../domain/security.ts';
import { SEVERITIES } from '../../../domain/taxonomy.ts';
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { IMPACTS } from '../ui/constants.ts';
import { FormError } from '../ui/errors.tsx';
import { Field } from '../ui/Field.tsx';
import { useGet } from '../ui/useGet.ts';
import { SeverityScaleEditor, type ScaleRow } from './SeverityScaleEditor.tsx';

const POLICY_ROLES = ['security_officer', 'level_manager', 'imt_member', 'party_admin', 'agent'] as const;

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...list, value] : list.filter((v) => v !== value);
}

/** SEC-7 / SEC-9: who of the party is told of a security incident, and the national severity scale. */
export function SecurityPolicySection() {
  const { t } = useI18n();
  const { user } = useSession();
  const loaded = useGet<SecurityPolicy>(`/parties/${user.party}/security-policy`);
  const [policy, setPolicy] = useState<SecurityPolicy | null>(null);
  const [scale, setScale] = useState<ScaleRow[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!loaded.data) return;
    setPolicy(loaded.data);
    setScale(Object.entries(loaded.data.severityScale).map(([national, common]) => ({ national, common })));
  }, [loaded.data]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!policy) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const severityScale = Object.fromEntries(
        scale.filter((r) => r.national.trim()).map((r) => [r.national.trim(), r.common]),
      );
      loaded.setData(
        await api.put<SecurityPolicy>(`/parties/${user.party}/security-policy`, { ...policy, severityScale }),
      );
      setSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

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
            {IMPACTS.map((i) => (
              <label key={i} className="check">
                <input
                  type="checkbox"
                  checked={policy.notifyImpacts.includes(i)}
                  onChange={(e) => set({ notifyImpacts: toggle(policy.notifyImpacts, i, e.target.checked) })}
                />
                {t(`impact.${i}`)}
              </label>
            ))}
          </fieldset>
          <fieldset className="checklist-fieldset">
            <legend>{t('policy.notifyCia')}</legend>
            {CIA.map((c) => (
              <label key={c} className="check">
                <input
                  type="checkbox"
                  checked={policy.notifyCia.includes(c)}
                  onChange={(e) => set({ notifyCia: toggle(policy.notifyCia, c, e.target.checked) })}
                />
                {t(`cia.${c}`)}
              </label>
            ))}
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
                {SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {t(`severity.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <fieldset className="checklist-fieldset">
            <legend>{t('policy.roles')}</legend>
            {POLICY_ROLES.map((r) => (
              <label key={r} className="check">
                <input
                  type="checkbox"
                  checked={policy.roles.includes(r)}
                  onChange={(e) => set({ roles: toggle(policy.roles, r, e.target.checked) })}
                />
                {t(`role.${r}`)}
              </label>
            ))}
          </fieldset>
          <SeverityScaleEditor rows={scale} onChange={setScale} />
          <div className="form-actions">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {busy ? t('common.saving') : t('policy.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
