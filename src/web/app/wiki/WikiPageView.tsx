import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { SensitivityBadge } from '../ui/badges.tsx';
import { FormError } from '../ui/errors.tsx';
import { Field } from '../ui/Field.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';
import { useGet } from '../ui/useGet.ts';
import { useTitle } from '../ui/useTitle.ts';
import type { WikiDetail } from '../../../contract/wiki.ts';
import { WikiEditForm } from './WikiEditForm.tsx';
import { WikiVersions } from './WikiVersions.tsx';

/** COL-4: one page — its text (rendered and sanitized by the server), linked tickets, versions, approval. */
export function WikiPageView({ slug }: { slug: string }) {
  const { t } = useI18n();
  const { data: page, error, loading, reload } = useGet<WikiDetail>(`/wiki/pages/${encodeURIComponent(slug)}`);
  useTitle(page?.title ?? t('wiki.title'));
  const [editing, setEditing] = useState(false);

  if (!page) {
    return (
      <section className="page" aria-busy={loading}>
        <p>
          <a href={href('/wiki')}>{t('wiki.back')}</a>
        </p>
        <FormError error={error} />
        {loading && <p>{t('common.loading')}</p>}
      </section>
    );
  }
  return (
    <section className="page" aria-labelledby="wiki-page-title">
      <p>
        <a href={href('/wiki')}>{t('wiki.back')}</a>
      </p>
      <h1 id="wiki-page-title">{page.title}</h1>
      <p className="muted">
        {t(`wiki.kind.${page.kind}`)} · {t('wiki.versionN', { version: page.version })} · {page.parties.join(', ')} ·{' '}
        <SensitivityBadge sensitivity={page.sensitivity} />
        {page.kind === 'guideline' && (
          <>
            {' · '}
            {page.approvedVersion
              ? t('wiki.approvedVersion', { version: page.approvedVersion })
              : t('wiki.notApproved')}
          </>
        )}
      </p>
      {editing ? (
        <WikiEditForm
          page={page}
          onDone={async () => {
            setEditing(false);
            await reload();
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          {/* The server renders the Markdown without raw HTML and sanitizes the result (no script). */}
          <article className="card block wiki-body" dangerouslySetInnerHTML={{ __html: page.html }} />
          <button type="button" className="btn" onClick={() => setEditing(true)}>
            {t('wiki.edit')}
          </button>
        </>
      )}
      <section className="card block" aria-labelledby="wiki-tickets-title">
        <h2 id="wiki-tickets-title">{t('wiki.tickets')}</h2>
        {page.tickets.length === 0 && <p className="empty">{t('wiki.noTickets')}</p>}
        <ul>
          {page.tickets.map((ticket) => (
            <li key={ticket.id}>
              <a href={href(`/tickets/${ticket.ref}`)}>{ticket.ref}</a> — {ticket.title}
            </li>
          ))}
        </ul>
        <LinkTicketForm slug={page.slug} onDone={reload} />
      </section>
      <WikiVersions page={page} onChange={reload} />
    </section>
  );
}

function LinkTicketForm({ slug, onDone }: { slug: string; onDone(): Promise<void> }) {
  const { t } = useI18n();
  const [ticket, setTicket] = useState('');
  const { busy, error, fieldError, submit } = useFormSubmit(async () => {
    await api.post(`/wiki/pages/${encodeURIComponent(slug)}/links`, { ticket: ticket.trim() });
    setTicket('');
    await onDone();
  });
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <FormError error={error} fields={['ticket']} />
      <Field label={t('wiki.linkTicket')} error={fieldError('ticket')}>
        {(c) => (
          <input {...c} value={ticket} placeholder="EU-INC-2026-000001" onChange={(e) => setTicket(e.target.value)} />
        )}
      </Field>
      <button type="submit" className="btn" disabled={busy || !ticket.trim()}>
        {t('wiki.link')}
      </button>
    </form>
  );
}
