import { Suspense, useEffect, useRef } from 'react';
import { Header } from './Header.tsx';
import { useI18n } from './i18n.tsx';
import { PageLoadBoundary, PageLoading } from './PageLoading.tsx';
import {
  AccessReviewsPage,
  AdminPage,
  AgreementPage,
  AssetsPage,
  AuditPage,
  CalendarPage,
  CbmPage,
  CertificatesPage,
  KnownErrorsPage,
  NewChangePage,
  NewConsultationPage,
  NewIncidentPage,
  NewProblemPage,
  NewReleasePage,
  NewRequestPage,
  NewSecurityIncidentPage,
  NotificationsPage,
  QueuePage,
  ReportsPage,
  SearchPage,
  SettingsPage,
  TicketPage,
  WebhooksPage,
  WikiListPage,
  WikiPageView,
} from './pages.ts';
import { NotificationsProvider } from './notifications/NotificationsContext.tsx';
import { href, parseRoute, usePath, type Route } from './router.ts';
import { useSession, type Flash } from './session.tsx';

function Page({ route }: { route: Route }) {
  const { t } = useI18n();
  switch (route.page) {
    case 'queue':
      return <QueuePage key={route.type ?? 'all'} type={route.type} />;
    case 'new-incident':
      return <NewIncidentPage />;
    case 'new-security':
      return <NewSecurityIncidentPage />;
    case 'assets':
      return <AssetsPage />;
    case 'certificates':
      return <CertificatesPage />;
    case 'access-reviews':
      return <AccessReviewsPage />;
    case 'agreement':
      return <AgreementPage />;
    case 'webhooks':
      return <WebhooksPage />;
    case 'admin':
      return <AdminPage />;
    case 'audit':
      return <AuditPage />;
    case 'new-problem':
      return <NewProblemPage incidents={route.incidents} />;
    case 'new-request':
      return <NewRequestPage item={route.item} />;
    case 'new-change':
      return <NewChangePage originKind={route.originKind} originTicket={route.originTicket} />;
    case 'new-release':
      return <NewReleasePage changes={route.changes} />;
    case 'cbm':
      return <CbmPage key={`${route.area}/${route.id}`} area={route.area} id={route.id} />;
    case 'new-consultation':
      return <NewConsultationPage />;
    case 'known-errors':
      return <KnownErrorsPage focusId={route.id} />;
    case 'ticket':
      return <TicketPage key={route.ref} reference={route.ref} />;
    case 'settings':
      return <SettingsPage />;
    case 'notifications':
      return <NotificationsPage />;
    case 'reports':
      return <ReportsPage />;
    case 'calendar':
      return <CalendarPage />;
    case 'search':
      return <SearchPage key={route.q} q={route.q} />;
    case 'wiki':
      return <WikiListPage />;
    case 'wiki-page':
      return <WikiPageView key={route.slug} slug={route.slug} />;
    default:
      return (
        <section className="page">
          <h1>{t('notFound.title')}</h1>
          <p>
            <a href={href('/tickets')}>{t('notFound.back')}</a>
          </p>
        </section>
      );
  }
}

/** The signed-in console: banner, flash message and the current page; notifications follow navigation. */
export function Shell({ flash }: { flash: Flash | null }) {
  const { t } = useI18n();
  const { user } = useSession();
  const path = usePath();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  // A party that mandates a second factor: nothing but Settings works until it is enrolled.
  const route: Route = user.totpRequired ? { page: 'settings' } : parseRoute(path);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus();
    window.scrollTo(0, 0);
  }, [path]);

  return (
    <NotificationsProvider path={path}>
      <div className="app">
        <button type="button" className="skip-link" onClick={() => mainRef.current?.focus()}>
          {t('nav.skip')}
        </button>
        <Header route={route} />
        <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
          {user.totpRequired && (
            <p className="alert alert--warning" role="alert">
              {t('settings.totp.mandatory')}
            </p>
          )}
          {flash && flash.path === path && (
            <p className="alert alert--success" role="status">
              {flash.message}
            </p>
          )}
          {/* A page's code arrives on its first opening: say so meanwhile, and offer a reload if it cannot. */}
          <PageLoadBoundary key={route.page}>
            <Suspense fallback={<PageLoading />}>
              <Page route={route} />
            </Suspense>
          </PageLoadBoundary>
        </main>
      </div>
    </NotificationsProvider>
  );
}
