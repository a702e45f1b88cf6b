import { useI18n } from '../i18n.tsx';
import type { OneTimeLink } from './adminTypes.ts';

/** A one-time link just issued: shown once, to hand over when it was not mailed. */
export function LinkNotice({ link }: { link: OneTimeLink }) {
  const { t, formatDate } = useI18n();
  return (
    <div className="alert alert--success" role="status">
      <p>{link.mailed ? t('admin.linkMailed') : t('admin.linkNotMailed')}</p>
      <p>
        <code className="mono" data-testid="one-time-link">
          {link.url}
        </code>
      </p>
      <p className="muted">{t('admin.linkExpires', { date: formatDate(link.expiresAt) })}</p>
    </div>
  );
}
