import { useState } from 'react';
import { api, query } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { DataTable } from '../ui/DataTable.tsx';
import { FormError } from '../ui/errors.tsx';
import { useGet } from '../ui/useGet.ts';
import type { WikiDetail, WikiDiff } from '../../../contract/wiki.ts';

/** The versions of a page, the differences between two, and the joint approval of a guideline. */
export function WikiVersions({ page, onChange }: { page: WikiDetail; onChange(): Promise<void> }) {
  const { t, formatDate } = useI18n();
  const { user } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [compare, setCompare] = useState<{ from: number; to: number } | null>(null);

  async function act(version: number, action: 'submit' | 'approve') {
    setError(null);
    try {
      await api.post(`/wiki/pages/${encodeURIComponent(page.slug)}/versions/${version}/${action}`, {});
      await onChange();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="card block" aria-labelledby="wiki-versions-title">
      <h2 id="wiki-versions-title">{t('wiki.versions')}</h2>
      <FormError error={error} />
      <DataTable
        caption={t('wiki.versions')}
        columns={[
          t('wiki.version'),
          t('wiki.author'),
          t('wiki.updatedAt'),
          t('wiki.note'),
          ...(page.kind === 'guideline' ? [t('wiki.approval')] : []),
        ]}
        actions={t('wiki.actions')}
      >
        {page.versions.map((v) => (
          <tr key={v.version}>
            <td>{v.version}</td>
            <td>
              {v.authorName} ({v.party})
            </td>
            <td>{formatDate(v.createdAt)}</td>
            <td>{v.note ?? ''}</td>
            {page.kind === 'guideline' && (
              <td>
                {v.approvedAt
                  ? t('wiki.approvedOn', { date: formatDate(v.approvedAt) })
                  : v.submittedAt
                    ? t('wiki.awaiting', { parties: v.awaiting.join(', ') })
                    : t('wiki.draft')}
              </td>
            )}
            <td>
              {v.version > 1 && (
                <button
                  type="button"
                  className="btn btn--ghost"
                  onClick={() => setCompare({ from: v.version - 1, to: v.version })}
                >
                  {t('wiki.diff', { from: v.version - 1, to: v.version })}
                </button>
              )}
              {page.kind === 'guideline' && !v.submittedAt && (
                <button type="button" className="btn" onClick={() => void act(v.version, 'submit')}>
                  {t('wiki.submit')}
                </button>
              )}
              {page.kind === 'guideline' && v.submittedAt && v.awaiting.includes(user.party) && (
                <button type="button" className="btn btn--primary" onClick={() => void act(v.version, 'approve')}>
                  {t('wiki.approve', { party: user.party })}
                </button>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      {compare && <WikiDiffView slug={page.slug} {...compare} />}
    </section>
  );
}

function WikiDiffView({ slug, from, to }: { slug: string; from: number; to: number }) {
  const { t } = useI18n();
  const { data, error } = useGet<WikiDiff>(
    `/wiki/pages/${encodeURIComponent(slug)}/diff${query({ from: String(from), to: String(to) })}`,
  );
  return (
    <figure className="wiki-diff" aria-label={t('wiki.diff', { from, to })}>
      <figcaption>{t('wiki.diff', { from, to })}</figcaption>
      <FormError error={error} />
      <pre>
        {data?.changes.map((c, i) =>
          c.op === 'added' ? (
            <ins key={i}>{c.text}</ins>
          ) : c.op === 'removed' ? (
            <del key={i}>{c.text}</del>
          ) : (
            <span key={i}>{c.text}</span>
          ),
        )}
      </pre>
    </figure>
  );
}
