import { lazy } from 'react';

/*
 * Every page of the console is its own chunk, fetched the first time the page is opened (the
 * entry holds the shell, the router, the API client, i18n and the shared UI): `lazy` takes a
 * module's default export, so each import picks the page's named export.
 */
export const AccessReviewsPage = lazy(() =>
  import('./accessReviews/AccessReviewsPage.tsx').then((m) => ({ default: m.AccessReviewsPage })),
);
export const AdminPage = lazy(() => import('./admin/AdminPage.tsx').then((m) => ({ default: m.AdminPage })));
export const AgreementPage = lazy(() =>
  import('./agreement/AgreementPage.tsx').then((m) => ({ default: m.AgreementPage })),
);
export const AssetsPage = lazy(() => import('./assets/AssetsPage.tsx').then((m) => ({ default: m.AssetsPage })));
export const AuditPage = lazy(() => import('./audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
export const CalendarPage = lazy(() =>
  import('./calendar/CalendarPage.tsx').then((m) => ({ default: m.CalendarPage })),
);
export const CbmPage = lazy(() => import('./cbm/CbmPage.tsx').then((m) => ({ default: m.CbmPage })));
export const CertificatesPage = lazy(() =>
  import('./certificates/CertificatesPage.tsx').then((m) => ({ default: m.CertificatesPage })),
);
export const KnownErrorsPage = lazy(() =>
  import('./knownErrors/KnownErrorsPage.tsx').then((m) => ({ default: m.KnownErrorsPage })),
);
export const NewChangePage = lazy(() =>
  import('./process/NewChangePage.tsx').then((m) => ({ default: m.NewChangePage })),
);
export const NewConsultationPage = lazy(() =>
  import('./process/NewConsultationPage.tsx').then((m) => ({ default: m.NewConsultationPage })),
);
export const NewIncidentPage = lazy(() =>
  import('./incident/NewIncidentPage.tsx').then((m) => ({ default: m.NewIncidentPage })),
);
export const NewProblemPage = lazy(() =>
  import('./process/NewProblemPage.tsx').then((m) => ({ default: m.NewProblemPage })),
);
export const NewReleasePage = lazy(() =>
  import('./process/NewReleasePage.tsx').then((m) => ({ default: m.NewReleasePage })),
);
export const NewRequestPage = lazy(() =>
  import('./process/NewRequestPage.tsx').then((m) => ({ default: m.NewRequestPage })),
);
export const NewSecurityIncidentPage = lazy(() =>
  import('./security/NewSecurityIncidentPage.tsx').then((m) => ({ default: m.NewSecurityIncidentPage })),
);
export const NotificationsPage = lazy(() =>
  import('./notifications/NotificationsPage.tsx').then((m) => ({ default: m.NotificationsPage })),
);
export const QueuePage = lazy(() => import('./queue/QueuePage.tsx').then((m) => ({ default: m.QueuePage })));
export const ReportsPage = lazy(() => import('./reports/ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })));
export const SearchPage = lazy(() => import('./search/SearchPage.tsx').then((m) => ({ default: m.SearchPage })));
export const SettingsPage = lazy(() =>
  import('./settings/SettingsPage.tsx').then((m) => ({ default: m.SettingsPage })),
);
export const TicketPage = lazy(() => import('./ticket/TicketPage.tsx').then((m) => ({ default: m.TicketPage })));
export const WebhooksPage = lazy(() =>
  import('./webhooks/WebhooksPage.tsx').then((m) => ({ default: m.WebhooksPage })),
);
export const WikiListPage = lazy(() => import('./wiki/WikiListPage.tsx').then((m) => ({ default: m.WikiListPage })));
export const WikiPageView = lazy(() => import('./wiki/WikiPageView.tsx').then((m) => ({ default: m.WikiPageView })));
