import { choiceOf } from '../ui/form/inputs.tsx';
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { href, navigate } from '../router.ts';
import { useSession } from '../session.tsx';
import type { Sensitivity } from '../../../domain/sensitivity.ts';
import { SensitivityBadge } from '../ui/badges.tsx';
import { FormError } from '../ui/errors.tsx';
import { Field } from '../ui/Field.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';
import { useGet } from '../ui/useGet.ts';
import { useTitle } from '../ui/useTitle.ts';
import { AudienceFields } from './AudienceFields.tsx';
import type { WikiSlug, WikiSummary } from '../../../contract/wiki.ts';

/** COL-4: the wiki pages the user may read, and a form to write a new one. */
export function WikiListPage() {
  const { t, formatDate } = useI18n();
  useTitle(t('wiki.title'));
  const { data, error, loading } = useGet<{ items: WikiSummary[] }>('/wiki/pages');

  return (
    <section className="page" aria-labelledby="wiki-title" aria-busy={loading}>
      <h1 id="wiki-title">{t('wiki.title')}</h1>
      <p className="muted">{t('wiki.intro')}</p>
      <FormError error={error} />
      {data && data.items.length === 0 && <p className="empty">{t('wiki.none')}</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table className="grid">
            <caption className="visually-hidden">{t('wiki.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('wiki.pageTitle')}</th>
                <th scope="col">{t('wiki.kind')}</th>
                <th scope="col">{t('wiki.parties')}</th>
                <th scope="col">{t('wiki.sensitivity')}</th>
                <th scope="col">{t('wiki.version')}</th>
                <th scope="col">{t('wiki.updatedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) => (
                <tr key={p.id}>
                  <td>
                    <a href={href(`/wiki/${p.slug}`)}>{p.title}</a>
                  </td>
                  <td>{t(`wiki.kind.${p.kind}`)}</td>
                  <td>{p.parties.join(', ')}</td>
                  <td>
                    <SensitivityBadge sensitivity={p.sensitivity} />
                  </td>
                  <td>{p.version}</td>
                  <td>{formatDate(p.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewWikiPageForm />
    </section>
  );
}

function NewWikiPageForm() {
  const { t } = useI18n();
  const { user } = useSession();
  const [slug, setSlug] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [kind, setKind] = useState<'page' | 'guideline'>('page');
  const [audience, setAudience] = useState<{ parties: string[]; sensitivity: Sensitivity }>({
    parties: [user.party],
    sensitivity: 'LIMITED',
  });
  const { busy, error, fieldError, submit } = useFormSubmit(
    async () => {
      const created = await api.post<WikiSlug>('/wiki/pages', { slug, title, body, kind, ...audience });
      navigate(`/wiki/${created.slug}`);
    },
    { stayBusy: true },
  );

  return (
    <form className="card block form" aria-labelledby="wiki-new-title" onSubmit={submit} noValidate>
      <h2 id="wiki-new-title">{t('wiki.new')}</h2>
      <FormError error={error} fields={['slug', 'title', 'body', 'parties', 'sensitivity']} />
      <Field label={t('wiki.pageTitle')} required error={fieldError('title')}>
        {(c) => <input {...c} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label={t('wiki.slug')} hint={t('wiki.slugHint')} required error={fieldError('slug')}>
        {(c) => <input {...c} value={slug} maxLength={80} onChange={(e) => setSlug(e.target.value)} />}
      </Field>
      <Field label={t('wiki.kind')}>
        {(c) => (
          <select
            {...c}
            value={kind}
            onChange={(e) => setKind(choiceOf(['page', 'guideline'] as const, e.target.value, kind))}
          >
            <option value="page">{t('wiki.kind.page')}</option>
            <option value="guideline">{t('wiki.kind.guideline')}</option>
          </select>
        )}
      </Field>
      <AudienceFields {...audience} onChange={setAudience} fieldError={fieldError} />
      <Field label={t('wiki.body')} hint={t('wiki.bodyHint')} error={fieldError('body')}>
        {(c) => <textarea {...c} rows={12} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {busy ? t('common.saving') : t('wiki.create')}
      </button>
    </form>
  );
}
