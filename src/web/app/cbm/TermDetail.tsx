import { useState } from 'react';
import type { TermDetail as Detail } from '../../../contract/glossary.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { useSession } from '../session.tsx';
import { FormError } from '../ui/errors.tsx';
import { useGet } from '../ui/useGet.ts';
import { useTitle } from '../ui/useTitle.ts';
import { RecordForm } from './fields.tsx';

/** CBM-2: a term, who accepted its current version, every earlier version, the comments and the forms. */
export function TermDetail({ id }: { id: string }) {
  const { t, formatDate } = useI18n();
  const { user } = useSession();
  const loaded = useGet<Detail>(`/glossary/${id}`);
  const [error, setError] = useState<unknown>(null);
  const term = loaded.data;
  useTitle(term?.term ?? t('cbm.glossary.title'));
  if (!term) return <FormError error={loaded.error} />;
  const accepted = term.current.acceptances.some((a) => a.party === user.party);
  const acceptor = user.roles.some((r) => r === 'level_manager' || r === 'party_admin');

  async function accept() {
    setError(null);
    try {
      loaded.setData(await api.post<Detail>(`/glossary/${id}/accept`, { version: term!.currentVersion }));
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <>
      <p>
        <a href={href('/glossary')}>{t('cbm.glossary.title')}</a>
      </p>
      <h1 id="cbm-title">{term.term}</h1>
      <p>
        {t(`cbm.glossary.statuses.${term.status}`)} —{' '}
        {t('cbm.glossary.acceptedBy', {
          parties: term.current.acceptances.map((a) => a.party).join(', '),
          all: term.parties.join(', '),
        })}
      </p>
      <FormError error={error} />
      {acceptor && !accepted && (
        <button type="button" className="btn btn--primary" onClick={() => void accept()}>
          {t('cbm.glossary.accept', { version: term.currentVersion })}
        </button>
      )}
      <h2>{t('cbm.glossary.versions')}</h2>
      <ol reversed>
        {term.versions.map((v) => (
          <li key={v.number}>
            <p>
              v{v.number} — {v.party}, {formatDate(v.at)}
            </p>
            <p lang="fr">FR : {v.definitionFr}</p>
            <p lang="en">EN: {v.definitionEn}</p>
          </li>
        ))}
      </ol>
      <h2>{t('cbm.glossary.comments')}</h2>
      <ul>
        {term.comments.map((c) => (
          <li key={c.id}>
            {c.party} · {c.by} · {formatDate(c.at)}: {c.body}
          </li>
        ))}
      </ul>
      <RecordForm
        title={t('cbm.glossary.comment')}
        submit={t('cbm.glossary.comment')}
        path={`/glossary/${id}/comments`}
        fields={[{ name: 'body', label: t('cbm.glossary.comment'), required: true, multiline: true }]}
        toBody={(v) => ({ body: v.body ?? '' })}
        onDone={(d: Detail) => loaded.setData(d)}
      />
      <RecordForm
        title={t('cbm.glossary.revise')}
        submit={t('cbm.glossary.revise')}
        path={`/glossary/${id}/versions`}
        initial={{ definitionFr: term.current.definitionFr, definitionEn: term.current.definitionEn }}
        fields={[
          { name: 'definitionFr', label: t('cbm.glossary.definitionFr'), required: true, multiline: true },
          { name: 'definitionEn', label: t('cbm.glossary.definitionEn'), required: true, multiline: true },
        ]}
        toBody={(v) => ({
          definitionFr: v.definitionFr ?? '',
          definitionEn: v.definitionEn ?? '',
          version: term.currentVersion,
        })}
        onDone={(d: Detail) => loaded.setData(d)}
      />
    </>
  );
}
