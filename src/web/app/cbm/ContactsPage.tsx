import type { Contact, ContactChange as Change } from '../../../contract/contacts.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { DataTable } from '../ui/DataTable.tsx';
import { FormError } from '../ui/errors.tsx';
import { useGet } from '../ui/useGet.ts';
import { useTitle } from '../ui/useTitle.ts';
import { opt, RecordForm } from './fields.tsx';

const LEVELS = ['incident_structure', 'technical', 'policy', 'decision', 'on_call'];
const KEEPERS = ['party_admin', 'security_officer'];

/** CBM-1: the directory of every party, its confirmation state, the changes, and my party's form. */
export function ContactsPage() {
  const { t, formatDate } = useI18n();
  useTitle(t('cbm.contacts.title'));
  const { user } = useSession();
  const contacts = useGet<{ items: Contact[] }>('/contacts');
  const changes = useGet<{ items: Change[] }>('/contacts/changes');
  const keeper = user.roles.some((r) => KEEPERS.includes(r));
  const reload = () => void Promise.all([contacts.reload(), changes.reload()]);

  async function confirm(id: string) {
    await api.post(`/contacts/${id}/confirm`, {});
    reload();
  }

  return (
    <>
      <h1 id="cbm-title">{t('cbm.contacts.title')}</h1>
      <p className="muted">{t('cbm.contacts.intro')}</p>
      <FormError error={contacts.error} />
      {contacts.data && contacts.data.items.length === 0 && <p className="empty">{t('cbm.none')}</p>}
      {contacts.data && contacts.data.items.length > 0 && (
        <DataTable
          columns={[
            t('cbm.party'),
            t('cbm.contacts.level'),
            t('cbm.contacts.structure'),
            t('cbm.contacts.name'),
            t('cbm.contacts.reach'),
            t('cbm.contacts.status'),
            t('cbm.contacts.due'),
          ]}
          actions={t('cbm.actions')}
        >
          {contacts.data.items.map((c) => (
            <tr key={c.id}>
              <td>{c.party}</td>
              <td>
                {t(`cbm.contacts.levels.${c.level}`)}
                {c.escalationLevel ? ` (L${c.escalationLevel})` : ''}
                {c.aroundTheClock ? ` — ${t('cbm.contacts.aroundTheClock')}` : ''}
              </td>
              <td>{c.structure}</td>
              <td>{c.name}</td>
              <td>
                {[c.phone, c.email, c.channels.includes('desk') ? t('cbm.contacts.desk') : null]
                  .filter(Boolean)
                  .join(' · ')}
              </td>
              <td>{t(`cbm.contacts.statuses.${c.status}`)}</td>
              <td>{formatDate(c.confirmationDue)}</td>
              <td>
                {keeper && c.party === user.party && (
                  <button type="button" className="btn" onClick={() => void confirm(c.id)}>
                    {t('cbm.contacts.confirm')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {keeper && (
        <RecordForm
          title={t('cbm.contacts.add')}
          submit={t('cbm.contacts.add')}
          path="/contacts"
          initial={{ level: 'on_call', channels: 'phone,email' }}
          fields={[
            {
              name: 'level',
              label: t('cbm.contacts.level'),
              options: LEVELS.map((l) => ({ value: l, label: t(`cbm.contacts.levels.${l}`) })),
            },
            { name: 'structure', label: t('cbm.contacts.structure'), required: true },
            { name: 'name', label: t('cbm.contacts.name'), required: true },
            { name: 'phone', label: t('cbm.contacts.phone') },
            { name: 'email', label: t('cbm.contacts.email'), type: 'email' },
            { name: 'channels', label: t('cbm.contacts.channels'), hint: t('cbm.contacts.channelsHint') },
            { name: 'escalationLevel', label: t('cbm.contacts.escalationLevel'), type: 'number' },
          ]}
          toBody={(v) => ({
            level: v.level,
            structure: v.structure ?? '',
            name: v.name ?? '',
            phone: opt(v.phone) ?? null,
            email: opt(v.email) ?? null,
            channels: (v.channels ?? '').split(/[\s,]+/).filter(Boolean),
            ...(opt(v.escalationLevel) ? { escalationLevel: Number(v.escalationLevel) } : {}),
          })}
          onDone={reload}
        />
      )}
      <h2>{t('cbm.contacts.changes')}</h2>
      {changes.data && changes.data.items.length === 0 && <p className="empty">{t('cbm.none')}</p>}
      <ul>
        {changes.data?.items.map((c) => (
          <li key={c.id}>
            {formatDate(c.at)} — {c.party}: {t(`cbm.contacts.changeKinds.${c.kind}`)}{' '}
            {Object.entries(c.changes)
              .map(([field, d]) => `${field}: ${String(d.from ?? '—')} → ${String(d.to ?? '—')}`)
              .join('; ')}
          </li>
        ))}
      </ul>
    </>
  );
}
