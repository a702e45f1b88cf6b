import type { NotificationPref } from '../../../contract/services.ts';
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormError } from '../ui/errors.tsx';

type Channel = 'inApp' | 'email';
const CHANNELS: Channel[] = ['inApp', 'email'];

/** Which notifications the user receives, per kind and channel (COL-1). */
export function NotificationPrefsSection() {
  const { t } = useI18n();
  const [prefs, setPrefs] = useState<NotificationPref[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    api.get<{ items: NotificationPref[] }>('/me/notification-preferences').then((r) => setPrefs(r.items), setError);
  }, []);

  function toggle(kind: string, channel: Channel, on: boolean) {
    setSaved(false);
    setPrefs((current) => current?.map((p) => (p.kind === kind ? { ...p, [channel]: on } : p)) ?? null);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!prefs) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      setPrefs((await api.put<{ items: NotificationPref[] }>('/me/notification-preferences', { items: prefs })).items);
      setSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card block" aria-labelledby="prefs-title">
      <h2 id="prefs-title">{t('settings.notifications.title')}</h2>
      <p className="muted">{t('settings.notifications.intro')}</p>
      <FormError error={error} />
      {saved && (
        <p className="alert alert--success" role="status">
          {t('settings.notifications.saved')}
        </p>
      )}
      {prefs === null ? (
        !error && <p role="status">{t('common.loading')}</p>
      ) : (
        <form onSubmit={(e) => void save(e)}>
          <div className="table-wrap">
            <table className="grid grid--compact prefs">
              <caption className="visually-hidden">{t('settings.notifications.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('settings.notifications.kind')}</th>
                  {CHANNELS.map((channel) => (
                    <th scope="col" key={channel} className="prefs__channel">
                      {t(`settings.notifications.${channel}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {prefs.map((pref) => {
                  const kind = t(`notification.kind.${pref.kind}`);
                  return (
                    <tr key={pref.kind}>
                      <th scope="row">{kind}</th>
                      {CHANNELS.map((channel) => (
                        <td key={channel} className="prefs__channel">
                          <label className="prefs__check">
                            <input
                              type="checkbox"
                              checked={pref[channel]}
                              onChange={(e) => toggle(pref.kind, channel, e.target.checked)}
                            />
                            <span className="visually-hidden">
                              {t(`settings.notifications.${channel}For`, { kind })}
                            </span>
                          </label>
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {busy ? t('common.saving') : t('settings.notifications.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
