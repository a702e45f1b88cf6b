import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n.tsx';
import { navigate } from '../router.ts';

/** The one search box of the console (COL-6): opens the results page for the words typed. */
export function HeaderSearch({ initial }: { initial: string }) {
  const { t } = useI18n();
  const [q, setQ] = useState(initial);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (q.trim()) navigate(`/search?q=${encodeURIComponent(q.trim())}`);
  }
  return (
    <form className="header-search" role="search" aria-label={t('search.label')} onSubmit={submit}>
      <input
        type="search"
        name="q"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={q}
        maxLength={200}
        onChange={(e) => setQ(e.target.value)}
      />
      <button type="submit" className="btn btn--ghost">
        {t('search.go')}
      </button>
    </form>
  );
}
