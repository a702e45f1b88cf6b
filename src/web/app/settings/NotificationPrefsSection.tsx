import type { NotificationPref } from '../../../contract/services.ts';
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormError } from '../ui/errors.tsx';
import { SubmitRow } from '../ui/form/SubmitRow.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';

type Channel = 'inApp' | 'email';
const CHANNELS: Channel[] = ['inApp', 'email'];

/** Which notifications the user receives, per kind and channel (COL-1). */
export function NotificationPrefsSection() {
  const { t } = useI18n();
  const [prefs, setPrefs] = useState<NotificationPref[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const {
    busy,
    error: saveError,
    submit: save,
  } = useFormSubmit(async () => {
    if (!prefs) return;
    setSaved(false);
    setPrefs((await api.put<{ items: NotificationPref[] }>('/me/notification-preferences', { items: prefs })).items);
    setSaved(true);
  });
  const error = saveError ?? loadError;

  useEffect(() => {
    api.get<{ items: NotificationPref[] }>('/me/notification-preferences').then((r) => setPrefs(r.items), setLoadError);
  }, []);

  function toggle(kind: string, channel: Channel, on: boolean) {
    setSaved(false);
    setPrefs((current) => current?.map((p) => (p.kind === kind ? { ...p, [channel]: on } : p)) ?? null);
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
          <SubmitRow busy={busy} label={t('settings.notifications.save')} />
        </form>
      )}
    </section>
  );
}
