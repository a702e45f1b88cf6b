import { Component, type ReactNode } from 'react';
import { useI18n } from './i18n.tsx';

/** Shown while a page's code is being fetched, the first time the page is opened. */
export function PageLoading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t('common.loadingPage')}
    </p>
  );
}

function PageLoadFailed() {
  const { t } = useI18n();
  return (
    <section className="page">
      <p className="alert alert--error" role="alert">
        {t('common.pageLoadFailed')}
      </p>
      <button type="button" className="btn" onClick={() => window.location.reload()}>
        {t('common.reload')}
      </button>
    </section>
  );
}

/**
 * Catches a page whose code could not be fetched (network down, or a newer console deployed since
 * this one was opened: its old chunk names are gone) and offers a reload instead of a blank page.
 */
export class PageLoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <PageLoadFailed /> : this.props.children;
  }
}
