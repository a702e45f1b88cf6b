import { useEffect, useState } from 'react';
import type { SsoSettingsRead } from '../../../contract/admin.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { Field } from '../ui/Field.tsx';
import { FormError } from '../ui/errors.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';
import { useGet } from '../ui/useGet.ts';

/** `value=role,role` per line ↔ { value: [roles] } */
const mapText = (map: Record<string, string[] | string>) =>
  Object.entries(map)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : v}`)
    .join('\n');
const parseLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const i = line.indexOf('=');
      return [line.slice(0, i).trim(), line.slice(i + 1).trim()] as const;
    });

/** IF-4: the party's OpenID Connect provider and how its claims map to roles and clearance. */
export function SsoSection({ party }: { party: string }) {
  const { t } = useI18n();
  const loaded = useGet<SsoSettingsRead>(`/parties/${party}/sso`);
  const [form, setForm] = useState({
    issuer: '',
    clientId: '',
    clientSecret: '',
    roleClaim: 'groups',
    roleMap: '',
    clearanceClaim: 'ets_clearance',
    clearanceMap: '',
    accountMode: 'link',
    enabled: true,
  });
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    const s = loaded.data?.settings;
    if (!s) return;
    setForm({
      issuer: s.issuer,
      clientId: s.clientId,
      clientSecret: '',
      roleClaim: s.roleClaim,
      roleMap: mapText(s.roleMap),
      clearanceClaim: s.clearanceClaim,
      clearanceMap: mapText(s.clearanceMap),
      accountMode: s.accountMode,
      enabled: s.enabled,
    });
  }, [loaded.data]);
  const { busy, error, fieldError, submit } = useFormSubmit(async () => {
    setSaved(false);
    await api.put(`/parties/${party}/sso`, {
      issuer: form.issuer,
      clientId: form.clientId,
      ...(form.clientSecret ? { clientSecret: form.clientSecret } : {}),
      roleClaim: form.roleClaim,
      roleMap: Object.fromEntries(parseLines(form.roleMap).map(([k, v]) => [k, v.split(',').map((r) => r.trim())])),
      clearanceClaim: form.clearanceClaim,
      clearanceMap: Object.fromEntries(parseLines(form.clearanceMap)),
      accountMode: form.accountMode,
      enabled: form.enabled,
    });
    setSaved(true);
    await loaded.reload();
  });
  const set = (key: keyof typeof form, value: string | boolean) => setForm((f) => ({ ...f, [key]: value }));
  const input = (key: 'issuer' | 'clientId' | 'clientSecret' | 'roleClaim' | 'clearanceClaim', type = 'text') => (
    <Field
      label={t(`admin.ssoField.${key}`)}
      error={fieldError(key)}
      hint={key === 'clientSecret' && loaded.data?.settings?.hasClientSecret ? t('admin.secretKept') : undefined}
    >
      {(c) => (
        <input {...c} name={key} type={type} value={String(form[key])} onChange={(e) => set(key, e.target.value)} />
      )}
    </Field>
  );
  return (
    <form className="card block" onSubmit={(e) => void submit(e)} aria-labelledby="sso-title" noValidate>
      <h2 id="sso-title">{t('admin.ssoTitle')}</h2>
      <p className="muted">{t('admin.ssoHelp')}</p>
      {saved && (
        <p className="alert alert--success" role="status">
          {t('admin.saved')}
        </p>
      )}
      <FormError
        error={error}
        fields={['issuer', 'clientId', 'clientSecret', 'roleClaim', 'clearanceClaim', 'roleMap', 'clearanceMap']}
      />
      {input('issuer', 'url')}
      {input('clientId')}
      {input('clientSecret', 'password')}
      {input('roleClaim')}
      <Field label={t('admin.ssoField.roleMap')} hint={t('admin.ssoRoleMapHint')} error={fieldError('roleMap')}>
        {(c) => (
          <textarea
            {...c}
            name="roleMap"
            rows={3}
            value={form.roleMap}
            onChange={(e) => set('roleMap', e.target.value)}
          />
        )}
      </Field>
      {input('clearanceClaim')}
      <Field
        label={t('admin.ssoField.clearanceMap')}
        hint={t('admin.ssoClearanceMapHint')}
        error={fieldError('clearanceMap')}
      >
        {(c) => (
          <textarea
            {...c}
            name="clearanceMap"
            rows={3}
            value={form.clearanceMap}
            onChange={(e) => set('clearanceMap', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('admin.ssoField.accountMode')}>
        {(c) => (
          <select
            {...c}
            name="accountMode"
            value={form.accountMode}
            onChange={(e) => set('accountMode', e.target.value)}
          >
            <option value="link">{t('admin.ssoMode.link')}</option>
            <option value="create">{t('admin.ssoMode.create')}</option>
          </select>
        )}
      </Field>
      <label className="check">
        <input type="checkbox" checked={form.enabled} onChange={(e) => set('enabled', e.target.checked)} />{' '}
        {t('admin.ssoEnabled')}
      </label>
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {t('admin.save')}
      </button>
    </form>
  );
}
