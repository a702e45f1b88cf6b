import type { Me, User } from '../../contract/directory.ts';
import type { Lang } from '../../domain/lang.ts';
import { api } from './api.ts';
import { useState } from 'react';
import { useI18n } from './i18n.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Bell } from './notifications/Bell.tsx';
import { HeaderSearch } from './search/HeaderSearch.tsx';
import { href, type QueueType, type Route } from './router.ts';
import { useSession } from './session.tsx';
import { useErrorText } from './ui/errors.tsx';
import {
  readsAccessReviews,
  readsAssets,
  readsAudit,
  readsCertificates,
  recordsSecurityIncidents,
  seesSecurityQueue,
} from './ui/roles.ts';

interface NavLink {
  path: string;
  key: string;
  /** True when the link leads to the current page (or the list the page belongs to). */
  current(route: Route): boolean;
  /** Shown only to users who may use the page. */
  shown?(user: User): boolean;
}

const page =
  (...pages: Route['page'][]) =>
  (route: Route) =>
    pages.includes(route.page);
const typeQueue = (type: QueueType, creation: Route['page']) => (route: Route) =>
  (route.page === 'queue' && route.type === type) || route.page === creation;

const LINKS: NavLink[] = [
  { path: '/tickets', key: 'nav.queue', current: (route) => route.page === 'queue' && !route.type },
  { path: '/incidents/new', key: 'nav.newIncident', current: page('new-incident') },
  { path: '/problems', key: 'nav.problems', current: typeQueue('problem', 'new-problem') },
  { path: '/requests', key: 'nav.requests', current: typeQueue('request', 'new-request') },
  { path: '/changes', key: 'nav.changes', current: typeQueue('change', 'new-change') },
  { path: '/releases', key: 'nav.releases', current: typeQueue('release', 'new-release') },
  { path: '/consultations', key: 'nav.consultations', current: typeQueue('consultation', 'new-consultation') },
  { path: '/contacts', key: 'nav.cooperation', current: page('cbm') },
  {
    path: '/security',
    key: 'nav.security',
    current: typeQueue('security', 'new-security'),
    shown: (user) => seesSecurityQueue(user) || recordsSecurityIncidents(user),
  },
  { path: '/known-errors', key: 'nav.knownErrors', current: page('known-errors') },
  { path: '/assets', key: 'nav.assets', current: page('assets'), shown: readsAssets },
  { path: '/certificates', key: 'nav.certificates', current: page('certificates'), shown: readsCertificates },
  { path: '/access-reviews', key: 'nav.accessReviews', current: page('access-reviews'), shown: readsAccessReviews },
  { path: '/agreement', key: 'nav.agreement', current: page('agreement') },
  {
    path: '/webhooks',
    key: 'nav.webhooks',
    current: page('webhooks'),
    shown: (user) => user.roles.includes('party_admin'),
  },
  {
    path: '/admin',
    key: 'nav.admin',
    current: page('admin'),
    shown: (user) => user.roles.includes('party_admin'),
  },
  { path: '/wiki', key: 'nav.wiki', current: page('wiki', 'wiki-page') },
  { path: '/audit', key: 'nav.audit', current: page('audit'), shown: readsAudit },
  { path: '/reports', key: 'nav.reports', current: page('reports') },
  { path: '/calendar', key: 'nav.calendar', current: page('calendar') },
  { path: '/settings', key: 'nav.settings', current: page('settings') },
];

/** The banner: brand, navigation, notifications bell, who is signed in, language and sign-out. */
export function Header({ route }: { route: Route }) {
  const { t } = useI18n();
  const session = useSession();
  const errorText = useErrorText();
  const [signOutError, setSignOutError] = useState<unknown>(null);
  // Below 768 px the navigation folds behind a Menu button; it folds again on every page change.
  const [menuOpen, setMenuOpen] = useState(false);
  const routeKey = JSON.stringify(route);
  const [menuRoute, setMenuRoute] = useState(routeKey);
  if (menuRoute !== routeKey) {
    setMenuRoute(routeKey);
    setMenuOpen(false);
  }
  const { user } = session;

  function persistLanguage(language: Lang) {
    api.patch<Me>('/me', { language }).then(session.setMe, (error: unknown) => console.error(error));
  }

  return (
    <header className="app-header">
      <a className="brand" href={href('/tickets')}>
        {t('app.name')}
      </a>
      <button
        type="button"
        className="btn btn--ghost menu-toggle"
        aria-expanded={menuOpen}
        aria-controls="app-nav"
        onClick={() => setMenuOpen(!menuOpen)}
      >
        {t('nav.menu')}
      </button>
      <nav id="app-nav" aria-label={t('nav.label')} className={menuOpen ? 'app-nav app-nav--open' : 'app-nav'}>
        <ul>
          {LINKS.filter((link) => !link.shown || link.shown(user)).map((link) => (
            <li key={link.path}>
              <a href={href(link.path)} aria-current={link.current(route) ? 'page' : undefined}>
                {t(link.key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="app-header__end">
        <HeaderSearch initial={route.page === 'search' ? route.q : ''} />
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
        <button
          type="button"
          className="btn btn--ghost"
          onClick={() => {
            setSignOutError(null);
            session.signOut().catch(setSignOutError);
          }}
        >
          {t('header.signOut')}
        </button>
        {signOutError !== null && (
          <p className="alert alert--error sign-out-error" role="alert">
            {t('header.signOutFailed', { reason: errorText(signOutError) })}
          </p>
        )}
      </div>
    </header>
  );
}
