import { api } from './api.ts';
import { useI18n } from './i18n.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Bell } from './notifications/Bell.tsx';
import { href, type Route } from './router.ts';
import { useSession } from './session.tsx';
import type { Lang, Me } from './types.ts';

const LINKS: { page: Route['page']; path: string; key: string }[] = [
  { page: 'queue', path: '/tickets', key: 'nav.queue' },
  { page: 'new-incident', path: '/incidents/new', key: 'nav.newIncident' },
  { page: 'reports', path: '/reports', key: 'nav.reports' },
  { page: 'calendar', path: '/calendar', key: 'nav.calendar' },
  { page: 'settings', path: '/settings', key: 'nav.settings' },
];

/** The banner: brand, navigation, notifications bell, who is signed in, language and sign-out. */
export function Header({ route }: { route: Route }) {
  const { t } = useI18n();
  const session = useSession();
  const { user } = session;

  function persistLanguage(language: Lang) {
    api.patch<Me>('/me', { language }).then(session.setMe, (error: unknown) => console.error(error));
  }

  return (
    <header className="app-header">
      <a className="brand" href={href('/tickets')}>
        {t('app.name')}
      </a>
      <nav aria-label={t('nav.label')} className="app-nav">
        <ul>
          {LINKS.map((link) => (
            <li key={link.page}>
              <a href={href(link.path)} aria-current={route.page === link.page ? 'page' : undefined}>
                {t(link.key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="app-header__end">
        <Bell current={route.page === 'notifications'} />
        <p className="whoami">
          <span className="whoami__name">{user.displayName}</span>
          <span className="tag" title={t('header.party')}>
            {user.party}
          </span>
          <span className="tag tag--clearance" title={t('header.clearance')}>
            {t('header.clearanceValue', { level: t(`sensitivity.${user.clearance}`) })}
          </span>
        </p>
        <LanguageSwitch onChange={persistLanguage} />
        <button type="button" className="btn btn--ghost" onClick={() => void session.signOut()}>
          {t('header.signOut')}
        </button>
      </div>
    </header>
  );
}
