import type { TicketWikiPages } from '../../../contract/wiki.ts';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { useGet } from '../ui/useGet.ts';

/** COL-4: the wiki pages linking to this ticket that the user may read; nothing shown when there are none. */
export function WikiBacklinks({ reference }: { reference: string }) {
  const { t } = useI18n();
  const { data } = useGet<TicketWikiPages>(`/tickets/${encodeURIComponent(reference)}/wiki-pages`);
  if (!data || data.items.length === 0) return null;
  return (
    <section className="card block" aria-labelledby="wiki-backlinks-title">
      <h2 id="wiki-backlinks-title">{t('wiki.backlinks')}</h2>
      <ul className="links">
        {data.items.map((page) => (
          <li key={page.id}>
            <a href={href(`/wiki/${page.slug}`)}>{page.title}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
