import type { SavedView } from '../../../contract/schemas.ts';
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormShell } from '../ui/form/FormShell.tsx';
import { TextField } from '../ui/form/inputs.tsx';
import { filtersOfView, viewQuery, type QueueFilters } from './filters.ts';

interface Props {
  filters: QueueFilters;
  /** A queue of one type keeps its type whatever the view says. */
  fixedType?: string | undefined;
  onApply(filters: QueueFilters): void;
}

/** The user's saved queue views, kept on the server: apply one, delete one, save the current filters under a name. */
export function SavedViews({ filters, fixedType, onApply }: Props) {
  const { t } = useI18n();
  const [views, setViews] = useState<SavedView[]>([]);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const reload = () =>
    api.get<{ items: SavedView[] }>('/me/views').then(
      (r) => setViews(r.items),
      (caught: unknown) => setError(caught),
    );
  useEffect(() => {
    void reload();
  }, []);

  async function save() {
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const view = await api.post<SavedView>('/me/views', { name: name.trim(), query: viewQuery(filters) });
      setSaved(view.name);
      setName('');
      await reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function remove(view: SavedView) {
    setError(null);
    setSaved(null);
    try {
      await api.del(`/me/views/${encodeURIComponent(view.id)}`);
      await reload();
    } catch (caught) {
      setError(caught);
    }
  }

  const apply = (view: SavedView) => {
    const next = filtersOfView(view.query);
    onApply(fixedType ? { ...next, type: fixedType } : next);
  };

  return (
    <section className="card block saved-views" aria-labelledby="saved-views-title">
      <h2 id="saved-views-title">{t('views.title')}</h2>
      {views.length === 0 ? (
        <p className="muted">{t('views.none')}</p>
      ) : (
        <ul className="saved-views__list">
          {views.map((view) => (
            <li key={view.id}>
              <button type="button" className="btn" onClick={() => apply(view)}>
                {view.name}
              </button>
              <button
                type="button"
                className="btn btn--small"
                aria-label={t('views.delete', { name: view.name })}
                onClick={() => void remove(view)}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <FormShell
        className="form saved-views__form"
        ariaLabel={t('views.save')}
        onSubmit={() => void save()}
        error={error}
        busy={busy}
        disabled={name.trim() === ''}
        submitLabel={t('views.save')}
        status={saved ? <p role="status">{t('views.saved', { name: saved })}</p> : null}
      >
        <TextField name="name" label={t('views.name')} value={name} onChange={setName} maxLength={80} />
      </FormShell>
    </section>
  );
}
