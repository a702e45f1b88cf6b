import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { useNotifications } from './NotificationsContext.tsx';

/** The header bell: a link to the Notifications page that says how many are unread. */
export function Bell({ current }: { current: boolean }) {
  const { t } = useI18n();
  const { unread } = useNotifications();
  const count = unread ?? 0;
  const label =
    count === 0
      ? t('notifications.bellNone')
      : t(count === 1 ? 'notifications.bellOne' : 'notifications.bell', { count });
  return (
    <a
      className={`bell${count > 0 ? ' bell--unread' : ''}`}
      href={href('/notifications')}
      aria-label={label}
      title={label}
      aria-current={current ? 'page' : undefined}
    >
      <svg className="bell__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          fill="currentColor"
        />
      </svg>
      {count > 0 && (
        <span className="bell__count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </a>
  );
}
