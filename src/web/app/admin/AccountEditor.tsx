import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormError } from '../ui/errors.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';
import type { Account, OneTimeLink } from './adminTypes.ts';
import { LinkNotice } from './LinkNotice.tsx';
import { ClearanceSelect, LanguageSelect } from './AccountSelects.tsx';
import { RolePicker } from './RolePicker.tsx';

/** One account's roles, clearance and language, with disable, password and second-factor resets. */
export function AccountEditor({ party, account, onChanged }: { party: string; account: Account; onChanged(): void }) {
  const { t } = useI18n();
  const [roles, setRoles] = useState(account.roles);
  const [clearance, setClearance] = useState(account.clearance);
  const [language, setLanguage] = useState(account.language);
  const [link, setLink] = useState<OneTimeLink | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const path = `/parties/${party}/accounts/${account.id}`;
  const { busy, error, fieldError, submit } = useFormSubmit(async () => {
    await api.patch(path, { roles, clearance, language });
    onChanged();
  });
  async function act(send: () => Promise<unknown>) {
    setActionError(null);
    try {
      await send();
      onChanged();
    } catch (caught) {
      setActionError(caught);
    }
  }
  return (
    <form
      className="card block"
      onSubmit={(e) => void submit(e)}
      aria-label={t('admin.editAccount', { name: account.username })}
    >
      <h3>{t('admin.editAccount', { name: account.username })}</h3>
      {link && <LinkNotice link={link} />}
      <FormError error={error ?? actionError} fields={['roles', 'clearance']} />
      <RolePicker value={roles} onChange={setRoles} error={fieldError('roles')} />
      <ClearanceSelect value={clearance} onChange={setClearance} error={fieldError('clearance')} />
      <LanguageSelect value={language} onChange={setLanguage} />
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? t('common.saving') : t('admin.save')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => void act(() => api.patch(path, { active: !account.active }))}
        >
          {account.active ? t('admin.disable') : t('admin.enable')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => void act(async () => setLink(await api.post<OneTimeLink>(`${path}/password-reset`)))}
        >
          {t('admin.resetPassword')}
        </button>
        {account.totpEnabled && (
          <button type="button" className="btn" onClick={() => void act(() => api.post(`${path}/totp-reset`))}>
            {t('admin.resetTotp')}
          </button>
        )}
      </div>
    </form>
  );
}
