import type { AppNotification } from '../../../contract/services.ts';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';

interface Props {
  notification: AppNotification;
  busy: boolean;
  onMarkRead(id: string): void;
}

/** One notification: kind, time, subject (a link to its ticket), body; unread ones stand out. */
export function NotificationItem({ notification: n, busy, onMarkRead }: Props) {
  const { t, formatDate } = useI18n();
  const unread = n.readAt === null;
  return (
    <li className={`notification${unread ? ' notification--unread' : ''}`}>
      <div className="notification__meta">
        {unread && <span className="badge badge--unread">{t('notifications.unread')}</span>}
        <span className="tag">{t(`notification.kind.${n.kind}`)}</span>
        <time dateTime={n.createdAt}>{formatDate(n.createdAt)}</time>
      </div>
      <p className="notification__subject">
        {n.ticketRef ? (
          // Opening the ticket is reading the notification.
          <a href={href(`/tickets/${n.ticketRef}`)} onClick={() => unread && onMarkRead(n.id)}>
            {n.subject}
          </a>
        ) : (
          n.subject
        )}
      </p>
      <p className="prose notification__body">{n.body}</p>
      {unread && (
        <button
          type="button"
          className="btn btn--small"
          disabled={busy}
          aria-label={t('notifications.markReadNamed', { subject: n.subject })}
          onClick={() => onMarkRead(n.id)}
        >
          {t('notifications.markRead')}
        </button>
      )}
    </li>
  );
}
