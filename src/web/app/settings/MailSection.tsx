import { useState, type FormEvent } from 'react';
import type { Mailbox, Quarantined } from '../../../contract/mail.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { Field } from '../ui/Field.tsx';
import { FormError, useFieldError } from '../ui/errors.tsx';
import { SensitivityBadge } from '../ui/badges.tsx';
import { useGet } from '../ui/useGet.ts';
import { DataTable } from '../ui/DataTable.tsx';

const EMPTY = {
  name: '',
  imapHost: '',
  imapPort: '993',
  imapTls: true,
  imapUser: '',
  imapSecret: '',
  ticketType: 'incident',
  service: '',
  sensitivity: 'LIMITED',
  address: '',
  maxAttachmentBytes: '5000000',
  senderHourlyCap: '20',
};

/** COL-2 for a party's administrators: its mailboxes (IMAP account, what new mail files as) and quarantined mail. */
export function MailSection() {
  const { t, formatDate } = useI18n();
  const { user } = useSession();
  const party = user.party;
  const mailboxes = useGet<{ items: Mailbox[] }>(`/parties/${party}/mailboxes`);
  const quarantine = useGet<{ items: Quarantined[] }>(`/parties/${party}/mail-quarantine?status=held`);
  const [form, setForm] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const fieldError = useFieldError(error);
  const set = (key: keyof typeof EMPTY, value: string | boolean) => setForm((f) => ({ ...f, [key]: value }));

  async function add(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/parties/${party}/mailboxes`, {
        ...form,
        imapPort: Number(form.imapPort),
        maxAttachmentBytes: Number(form.maxAttachmentBytes),
        senderHourlyCap: Number(form.senderHourlyCap),
      });
      setForm(EMPTY);
      await mailboxes.reload();
    } catch (caught) {
      setError(caught);
    }
    setBusy(false);
  }

  async function act(path: string, body: unknown = {}) {
    setActionError(null);
    try {
      await api.post(path, body);
    } catch (caught) {
      setActionError(caught);
    }
    await quarantine.reload();
  }

  async function toggle(m: Mailbox) {
    setActionError(null);
    try {
      await api.patch(`/parties/${party}/mailboxes/${m.id}`, { enabled: !m.enabled });
    } catch (caught) {
      setActionError(caught);
    }
    await mailboxes.reload();
  }

  const text = (key: keyof typeof EMPTY, label: string, type = 'text', required = true) => (
    <Field label={label} error={fieldError(key)} required={required}>
      {(c) => (
        <input
          {...c}
          type={type}
          required={required}
          value={String(form[key])}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <>
      <section className="card block" aria-labelledby="mailboxes-title">
        <h2 id="mailboxes-title">{t('mail.mailboxes')}</h2>
        <FormError error={actionError} />
        <FormError error={mailboxes.error} />
        {mailboxes.data && mailboxes.data.items.length === 0 && <p>{t('mail.noMailboxes')}</p>}
        {mailboxes.data && mailboxes.data.items.length > 0 && (
          <DataTable
            className="grid grid--compact"
            columns={[
              t('mail.name'),
              t('mail.address'),
              t('mail.imap'),
              t('mail.filesAs'),
              t('mail.lastPolled'),
              t('mail.enabled'),
            ]}
          >
            {mailboxes.data.items.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.name}</th>
                <td className="mono small">{m.address}</td>
                <td className="mono small">
                  {m.imapUser}@{m.imapHost}:{m.imapPort} {m.imapTls ? 'TLS' : ''}
                </td>
                <td>
                  {t(`type.${m.ticketType}`)} · {m.service} · <SensitivityBadge sensitivity={m.sensitivity} />
                </td>
                <td>
                  {m.lastPolledAt ? formatDate(m.lastPolledAt) : '—'}
                  {m.lastError && <span className="alert--error"> {m.lastError}</span>}
                </td>
                <td>
                  <button type="button" className="btn btn--small" onClick={() => void toggle(m)}>
                    {m.enabled ? t('mail.disable') : t('mail.enable')}
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <form onSubmit={(e) => void add(e)} aria-labelledby="mailbox-add-title">
          <h3 id="mailbox-add-title">{t('mail.add')}</h3>
          {text('name', t('mail.name'))}
          {text('address', t('mail.address'), 'email')}
          {text('imapHost', t('mail.host'))}
          {text('imapPort', t('mail.port'), 'number')}
          <label className="checkbox">
            <input type="checkbox" checked={form.imapTls} onChange={(e) => set('imapTls', e.target.checked)} />{' '}
            {t('mail.tls')}
          </label>
          {text('imapUser', t('mail.user'))}
          {text('imapSecret', t('mail.secret'), 'password')}
          <Field label={t('mail.ticketType')} error={fieldError('ticketType')}>
            {(c) => (
              <select {...c} value={form.ticketType} onChange={(e) => set('ticketType', e.target.value)}>
                <option value="incident">{t('type.incident')}</option>
                <option value="problem">{t('type.problem')}</option>
              </select>
            )}
          </Field>
          {text('service', t('mail.service'))}
          <Field label={t('attachments.sensitivity')} error={fieldError('sensitivity')}>
            {(c) => (
              <select {...c} value={form.sensitivity} onChange={(e) => set('sensitivity', e.target.value)}>
                {['LIMITED', 'SENSITIVE', 'CRITICAL'].map((level) => (
                  <option key={level} value={level}>
                    {t(`sensitivity.${level}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('maxAttachmentBytes', t('mail.maxAttachment'), 'number')}
          {text('senderHourlyCap', t('mail.hourlyCap'), 'number')}
          <FormError
            error={error}
            fields={[
              'name',
              'address',
              'imapHost',
              'imapPort',
              'imapUser',
              'imapSecret',
              'service',
              'maxAttachmentBytes',
              'senderHourlyCap',
            ]}
          />
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? t('common.saving') : t('mail.add')}
          </button>
        </form>
      </section>
      <section className="card block" aria-labelledby="quarantine-title">
        <h2 id="quarantine-title">{t('mail.quarantine')}</h2>
        {quarantine.data && quarantine.data.items.length === 0 && <p>{t('mail.quarantineEmpty')}</p>}
        {quarantine.data && quarantine.data.items.length > 0 && (
          <DataTable
            className="grid grid--compact"
            columns={[t('mail.received'), t('mail.sender'), t('mail.subject'), t('mail.reason')]}
            actions={t('assets.actions')}
          >
            {quarantine.data.items.map((q) => (
              <tr key={q.id}>
                <td className="nowrap">{formatDate(q.createdAt)}</td>
                <td className="mono small">{q.sender || '—'}</td>
                <td>{q.subject || '—'}</td>
                <td>
                  {t(`mail.reason.${q.reason}`)}
                  {q.detail && <span className="small"> ({q.detail})</span>}
                </td>
                <td className="nowrap">
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() => void act(`/parties/${party}/mail-quarantine/${q.id}/retry`)}
                  >
                    {t('mail.retry')}
                  </button>{' '}
                  <button
                    type="button"
                    className="btn btn--small btn--danger"
                    onClick={() => void act(`/parties/${party}/mail-quarantine/${q.id}/drop`)}
                  >
                    {t('mail.drop')}
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
