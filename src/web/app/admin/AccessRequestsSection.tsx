import { useState } from 'react';
import type { TicketList } from '../../../contract/schemas.ts';
import { api, query } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { Field } from '../ui/Field.tsx';
import { FormError } from '../ui/errors.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';
import { useGet } from '../ui/useGet.ts';
import type { Account, OneTimeLink } from './adminTypes.ts';
import { LinkNotice } from './LinkNotice.tsx';
import { ClearanceSelect } from './AccountSelects.tsx';
import { RolePicker } from './RolePicker.tsx';

/** ISM-6: approved requests of the party; granting a `tool_access` one creates or changes the account it asks for. */
export function AccessRequestsSection({ party, onGranted }: { party: string; onGranted(): void }) {
  const { t } = useI18n();
  const requests = useGet<TicketList>(
    `/tickets${query({ type: 'request', owner: party, status: 'approved,in_fulfilment' })}`,
  );
  const accounts = useGet<{ items: Account[] }>(`/parties/${party}/accounts`);
  const [ref, setRef] = useState('');
  const [userId, setUserId] = useState('');
  const [username, setUsername] = useState('');
  const [roles, setRoles] = useState<string[]>(['agent']);
  const [clearance, setClearance] = useState('LIMITED');
  const [result, setResult] = useState<{ username: string; change: string; link: OneTimeLink | null } | null>(null);
  const { busy, error, fieldError, submit } = useFormSubmit(async () => {
    setResult(
      await api.post(`/tickets/${ref}/grant-access`, {
        ...(userId ? { userId } : { username }),
        roles,
        clearance,
      }),
    );
    await accounts.reload();
    onGranted();
  });
  return (
    <form className="card block" onSubmit={(e) => void submit(e)} aria-labelledby="requests-title" noValidate>
      <h2 id="requests-title">{t('admin.accessRequests')}</h2>
      <p className="muted">{t('admin.accessRequestsHelp')}</p>
      {result && (
        <p className="alert alert--success" role="status">
          {t(result.change === 'created' ? 'admin.grantedCreated' : 'admin.grantedChanged', { name: result.username })}
        </p>
      )}
      {result?.link && <LinkNotice link={result.link} />}
      <FormError error={error} fields={['username', 'userId', 'roles', 'clearance']} />
      <Field label={t('admin.request')} required>
        {(c) => (
          <select {...c} name="request" required value={ref} onChange={(e) => setRef(e.target.value)}>
            <option value="">—</option>
            {requests.data?.items.map((r) => (
              <option key={r.id} value={r.ref}>
                {r.ref} — {r.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      {ref && (
        <p>
          <a href={href(`/tickets/${ref}`)}>{t('admin.openRequest')}</a>
        </p>
      )}
      <Field label={t('admin.grantTo')} error={fieldError('userId')}>
        {(c) => (
          <select {...c} name="userId" value={userId} onChange={(e) => setUserId(e.target.value)}>
            <option value="">{t('admin.newAccount')}</option>
            {accounts.data?.items.map((a) => (
              <option key={a.id} value={a.id}>
                {a.displayName} ({a.username})
              </option>
            ))}
          </select>
        )}
      </Field>
      {!userId && (
        <Field label={t('admin.username')} error={fieldError('username')} required>
          {(c) => <input {...c} name="grantUsername" value={username} onChange={(e) => setUsername(e.target.value)} />}
        </Field>
      )}
      <RolePicker value={roles} onChange={setRoles} error={fieldError('roles')} />
      <ClearanceSelect
        name="grantClearance"
        value={clearance}
        onChange={setClearance}
        error={fieldError('clearance')}
      />
      <button type="submit" className="btn btn--primary" disabled={busy || !ref}>
        {t('admin.grant')}
      </button>
    </form>
  );
}
