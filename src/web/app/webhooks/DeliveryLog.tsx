import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormError } from '../ui/errors.tsx';
import { useGet } from '../ui/useGet.ts';
import type { Delivery } from '../../../contract/webhooks.ts';

/** The delivery log of one subscription, each delivery with its attempts and a replay button. */
export function DeliveryLog({ id }: { id: string }) {
  const { t, formatDate } = useI18n();
  const list = useGet<{ items: Delivery[] }>(`/webhooks/${id}/deliveries`);
  const [error, setError] = useState<unknown>(null);

  async function replay(delivery: string) {
    setError(null);
    try {
      await api.post(`/webhooks/${id}/deliveries/${delivery}/replay`);
      await list.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  const items = list.data?.items ?? [];
  return (
    <section aria-labelledby={`log-${id}`}>
      <h3 id={`log-${id}`}>{t('webhooks.log')}</h3>
      <FormError error={error ?? list.error} />
      {items.length === 0 ? (
        <p className="empty">{list.loading ? t('common.loading') : t('webhooks.noDeliveries')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('webhooks.ticket')}</th>
              <th scope="col">{t('webhooks.event')}</th>
              <th scope="col">{t('webhooks.status')}</th>
              <th scope="col">{t('webhooks.attempts')}</th>
              <th scope="col">{t('webhooks.lastResult')}</th>
              <th scope="col">{t('webhooks.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id}>
                <td>{d.ref}</td>
                <td>{d.eventKind}</td>
                <td>{t(`webhooks.deliveryStatus.${d.status}`)}</td>
                <td title={d.log.map((a) => `${formatDate(a.at)} ${a.status ?? a.error ?? ''}`).join('\n')}>
                  {d.attempts}
                </td>
                <td>{d.lastError ?? d.lastStatus ?? ''}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn--ghost"
                    aria-label={t('webhooks.replayOf', { ref: d.ref, event: d.eventKind })}
                    onClick={() => void replay(d.id)}
                  >
                    {t('webhooks.replay')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
