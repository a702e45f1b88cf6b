import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { Field } from '../ui/Field.tsx';
import { FormError } from '../ui/errors.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';
import type { AccountInvited, OneTimeLink } from '../../../contract/admin.ts';
import { LinkNotice } from './LinkNotice.tsx';
import { ClearanceSelect, LanguageSelect } from './AccountSelects.tsx';
import { RolePicker } from './RolePicker.tsx';

const EMPTY = { username: '', displayName: '', email: '', clearance: 'LIMITED', language: 'fr' as 'fr' | 'en' };

/** Invites a person: the account is created without a password; a one-time link lets them set it. */
export function InviteForm({ party, onInvited }: { party: string; onInvited(): void }) {
  const { t } = useI18n();
  const [form, setForm] = useState(EMPTY);
  const [roles, setRoles] = useState<string[]>(['agent']);
  const [link, setLink] = useState<OneTimeLink | null>(null);
  const { busy, error, fieldError, submit } = useFormSubmit(async () => {
    const result = await api.post<AccountInvited>(`/parties/${party}/accounts`, {
      ...form,
      roles,
    });
    setLink(result.link);
    setForm(EMPTY);
    onInvited();
  });
  const text = (key: 'username' | 'displayName' | 'email', label: string, type = 'text') => (
    <Field label={label} error={fieldError(key)} required>
      {(c) => (
        <input
          {...c}
          name={key}
          type={type}
          required
          value={form[key]}
          onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))}
        />
      )}
    </Field>
  );
  return (
    <form className="card block" onSubmit={(e) => void submit(e)} aria-labelledby="invite-title" noValidate>
      <h2 id="invite-title">{t('admin.invite')}</h2>
      {link && <LinkNotice link={link} />}
      <FormError error={error} fields={['username', 'displayName', 'email', 'roles', 'clearance']} />
      {text('username', t('admin.username'))}
      {text('displayName', t('admin.displayName'))}
      {text('email', t('admin.email'), 'email')}
      <RolePicker value={roles} onChange={setRoles} error={fieldError('roles')} />
      <ClearanceSelect
        value={form.clearance}
        onChange={(clearance) => setForm((f) => ({ ...f, clearance }))}
        error={fieldError('clearance')}
        required
      />
      <LanguageSelect value={form.language} onChange={(language) => setForm((f) => ({ ...f, language }))} />
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {busy ? t('common.saving') : t('admin.sendInvite')}
      </button>
    </form>
  );
}
