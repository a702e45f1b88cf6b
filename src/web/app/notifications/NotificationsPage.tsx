import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { FormError } from '../ui/errors.tsx';
import { useTitle } from '../ui/useTitle.ts';
import { NotificationItem } from './NotificationItem.tsx';
import { useNotifications } from './NotificationsContext.tsx';
import { useRun } from '../ui/useFormSubmit.ts';

/** The user's notifications, newest first, with "mark read" one by one or all at once (COL-1). */
export function NotificationsPage() {
  const { t } = useI18n();
  useTitle(t('notifications.title'));
  const { items, unread, error: loadError, markRead } = useNotifications();
  const { busy, error, run } = useRun();
  const [done, setDone] = useState('');

  async function mark(ids: string[] | 'all') {
    await run(async () => {
      setDone('');
      await markRead(ids);
      if (ids === 'all') setDone(t('notifications.allMarked'));
    });
  }

  return (
    <section className="page page--narrow" aria-labelledby="notifications-title">
      <div className="page-head">
        <h1 id="notifications-title">{t('notifications.title')}</h1>
        <button type="button" className="btn" disabled={busy || !unread} onClick={() => void mark('all')}>
          {t('notifications.markAll')}
        </button>
      </div>
      <p className="muted" role="status" aria-live="polite">
        {unread === null
          ? t('common.loading')
          : unread === 0
            ? t('notifications.noneUnread')
            : t(unread === 1 ? 'notifications.unreadOne' : 'notifications.unreadCount', { count: unread })}
        {done && <> · {done}</>}
      </p>
      <FormError error={error ?? (items === null ? loadError : null)} />
      {items !== null &&
        (items.length === 0 ? (
          <p className="empty">{t('notifications.empty')}</p>
        ) : (
          <ul className="notifications" aria-label={t('notifications.listLabel')}>
            {items.map((n) => (
              <NotificationItem key={n.id} notification={n} busy={busy} onMarkRead={(id) => void mark([id])} />
            ))}
          </ul>
        ))}
    </section>
  );
}
