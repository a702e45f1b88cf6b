import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { DataTable } from '../ui/DataTable.tsx';
import { FormError } from '../ui/errors.tsx';
import { useGet } from '../ui/useGet.ts';
import { AccountEditor } from './AccountEditor.tsx';
import type { Account } from './adminTypes.ts';
import { InviteForm } from './InviteForm.tsx';

/** The party's accounts: who, what access, last sign-in; one opens for editing. */
export function AccountsSection({ party }: { party: string }) {
  const { t, formatDate } = useI18n();
  const accounts = useGet<{ items: Account[] }>(`/parties/${party}/accounts`);
  const [editing, setEditing] = useState<string | null>(null);
  const current = accounts.data?.items.find((a) => a.id === editing) ?? null;
  return (
    <>
      <section className="card block" aria-labelledby="accounts-title">
        <h2 id="accounts-title">{t('admin.accounts')}</h2>
        <FormError error={accounts.error} />
        {accounts.data && (
          <DataTable
            className="grid grid--compact"
            columns={[
              t('admin.username'),
              t('admin.displayName'),
              t('admin.roles'),
              t('admin.clearance'),
              t('admin.status'),
              t('admin.lastSignIn'),
              t('admin.actions'),
            ]}
          >
            {accounts.data.items.map((a) => (
              <tr key={a.id}>
                <td className="mono">{a.username}</td>
                <td>{a.displayName}</td>
                <td>{a.roles.map((r) => t(`role.${r}`)).join(', ')}</td>
                <td>{t(`sensitivity.${a.clearance}`)}</td>
                <td>
                  {!a.active ? t('admin.disabled') : !a.hasPassword && !a.sso ? t('admin.invited') : t('admin.active')}
                  {a.sso && ` · ${t('admin.sso')}`}
                  {a.totpEnabled && ` · ${t('admin.totp')}`}
                  {a.accessRequestId && (
                    <>
                      {' · '}
                      <a href={href(`/tickets/${a.accessRequestId}`)}>{t('admin.fromRequest')}</a>
                    </>
                  )}
                </td>
                <td>{a.lastSignInAt ? formatDate(a.lastSignInAt) : t('admin.never')}</td>
                <td>
                  <button type="button" className="btn btn--small" onClick={() => setEditing(a.id)}>
                    {t('admin.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      {current && (
        <AccountEditor key={current.id} party={party} account={current} onChanged={() => void accounts.reload()} />
      )}
      <InviteForm party={party} onInvited={() => void accounts.reload()} />
    </>
  );
}
