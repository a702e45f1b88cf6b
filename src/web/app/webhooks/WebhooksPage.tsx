import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormError } from '../ui/errors.tsx';
import { useGet } from '../ui/useGet.ts';
import { useTitle } from '../ui/useTitle.ts';
import { DeliveryLog } from './DeliveryLog.tsx';
import { EditWebhookForm } from './EditWebhookForm.tsx';
import { NewWebhookForm } from './NewWebhookForm.tsx';
import type { Subscription } from '../../../contract/webhooks.ts';

/** IF-2: the party's webhook subscriptions (party administrators), their delivery log and replay. */
export function WebhooksPage() {
  const { t } = useI18n();
  useTitle(t('webhooks.title'));
  const list = useGet<{ items: Subscription[] }>('/webhooks');
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const items = list.data?.items ?? [];

  async function setStatus(id: string, status: 'active' | 'paused') {
    setError(null);
    try {
      await api.patch(`/webhooks/${id}`, { status });
      await list.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="page" aria-labelledby="webhooks-title">
      <div className="page-head">
        <h1 id="webhooks-title">{t('webhooks.title')}</h1>
      </div>
      <p className="hint">{t('webhooks.intro')}</p>
      <FormError error={error ?? list.error} />
      {items.length === 0 ? (
        <p className="empty">{list.loading ? t('common.loading') : t('webhooks.empty')}</p>
      ) : (
        <ul className="webhook-list">
          {items.map((s) => (
            <li key={s.id} className="card">
              <p>
                <strong>{s.url}</strong>{' '}
                <span className={`badge badge--status badge--${s.status === 'active' ? 'in_progress' : 'pending'}`}>
                  {t(`webhooks.subStatus.${s.status}`)}
                </span>{' '}
                {s.pausedReason === 'failures' && <span>{t('webhooks.pausedFailures')}</span>}
              </p>
              <p className="muted">
                {t(`sensitivity.${s.clearance}`)} ·{' '}
                {s.eventKinds.length ? s.eventKinds.join(', ') : t('webhooks.allKinds')}
                {s.description ? ` · ${s.description}` : ''}
              </p>
              <button
                type="button"
                className="btn"
                onClick={() => void setStatus(s.id, s.status === 'active' ? 'paused' : 'active')}
              >
                {s.status === 'active' ? t('webhooks.pause') : t('webhooks.resume')}
              </button>{' '}
              <button
                type="button"
                className="btn btn--ghost"
                aria-pressed={selected === s.id}
                onClick={() => setSelected(selected === s.id ? null : s.id)}
              >
                {t('webhooks.showLog')}
              </button>
              {editing !== s.id && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="btn btn--ghost"
                    aria-label={t('webhooks.editTitle', { url: s.url })}
                    onClick={() => setEditing(s.id)}
                  >
                    {t('webhooks.edit')}
                  </button>
                </>
              )}
              {editing === s.id && (
                <EditWebhookForm
                  subscription={s}
                  onDone={(changed) => {
                    setEditing(null);
                    if (changed) void list.reload();
                  }}
                />
              )}
              {selected === s.id && <DeliveryLog id={s.id} />}
            </li>
          ))}
        </ul>
      )}
      <NewWebhookForm onCreated={() => void list.reload()} />
    </section>
  );
}
