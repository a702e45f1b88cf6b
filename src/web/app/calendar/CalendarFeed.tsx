import type { CalendarFeed as CalendarFeedAnswer } from '../../../contract/services.ts';
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormError } from '../ui/errors.tsx';
import { Field } from '../ui/Field.tsx';
import { useRun } from '../ui/useFormSubmit.ts';

/** Creates a read-only iCal feed of the user's party's maintenance windows (joint ones included) and shows its URL once. */
export function CalendarFeed() {
  const { t } = useI18n();
  const [url, setUrl] = useState('');
  const { busy, error, run } = useRun();
  const [copied, setCopied] = useState(false);

  async function create() {
    await run(async () => {
      setCopied(false);
      const feed = await api.post<CalendarFeedAnswer>('/me/calendar-feed');
      // The server may answer a path: make it a full address a calendar application can subscribe to.
      setUrl(new URL(feed.url, window.location.origin).toString());
    });
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <section className="card block" aria-labelledby="calendar-feed-title">
      <h2 id="calendar-feed-title">{t('feed.title')}</h2>
      <p className="muted">{t('feed.intro')}</p>
      <FormError error={error} />
      <button type="button" className="btn" disabled={busy} onClick={() => void create()}>
        {busy ? t('common.saving') : t('feed.create')}
      </button>
      {url && (
        <div className="feed-url">
          <p className="alert alert--success" role="status">
            {t('feed.created')}
          </p>
          <Field label={t('feed.url')}>
            {(c) => <input {...c} readOnly className="mono" value={url} onFocus={(e) => e.target.select()} />}
          </Field>
          <button type="button" className="btn btn--small" onClick={() => void copy()}>
            {t('feed.copy')}
          </button>
          {copied && <span className="muted"> {t('feed.copied')}</span>}
        </div>
      )}
    </section>
  );
}
