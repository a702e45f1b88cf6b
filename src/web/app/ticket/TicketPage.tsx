import type { TicketDetail } from '../../../contract/schemas.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useLiveTickets } from '../live.ts';
import { href } from '../router.ts';
import { FormError, useErrorText } from '../ui/errors.tsx';
import { useTitle } from '../ui/useTitle.ts';
import { ActionsPanel } from './actions/ActionsPanel.tsx';
import { AttachmentsPanel, EmailReplyForm, type Attachment } from './AttachmentsPanel.tsx';
import { useGet } from '../ui/useGet.ts';
import { DisagreementBox } from './details/DisagreementBox.tsx';
import { TypeDetails } from './details/TypeDetails.tsx';
import { FollowUpLinks } from './FollowUpLinks.tsx';
import { LinksList } from './LinksList.tsx';
import { WikiBacklinks } from './WikiBacklinks.tsx';
import { SlaPanel } from './SlaPanel.tsx';
import { TicketFacts } from './TicketFacts.tsx';
import { TicketHeader } from './TicketHeader.tsx';
import { Timeline } from './Timeline.tsx';
import { MAIN_FORM_SLOT } from './actions/MainColumn.tsx';

/** One ticket: header, facts, links, timeline and the actions the user may take. */
export function TicketPage({ reference }: { reference: string }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [detail, setDetail] = useState<TicketDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  useTitle(detail ? `${detail.ref} ${detail.title}` : reference);
  const files = useGet<{ items: Attachment[] }>(`/tickets/${encodeURIComponent(reference)}/attachments`);

  const reload = useCallback(async () => {
    try {
      setDetail(await api.get<TicketDetail>(`/tickets/${encodeURIComponent(reference)}`));
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }, [reference]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // Live refresh: when this ticket changes elsewhere it is read again, quietly; while an action form
  // is open it is not (the form, its draft and the version it was opened on stay), a note says so.
  const formOpen = useRef(false);
  const [changedMeanwhile, setChangedMeanwhile] = useState(false);
  const onFormOpen = useCallback((open: boolean) => {
    formOpen.current = open;
  }, []);
  const showChanges = useCallback(async () => {
    setChangedMeanwhile(false);
    await reload();
  }, [reload]);
  useEffect(() => setChangedMeanwhile(false), [detail?.version]);
  useLiveTickets((changes) => {
    if (!detail) return;
    const mine = changes.filter((c) => c.id === detail.id);
    if (changes.length > 0 && mine.length === 0) return;
    if (!formOpen.current) void showChanges();
    else if (changes.length === 0 || mine.some((c) => c.version !== detail.version)) setChangedMeanwhile(true);
  });

  if (!detail) {
    if (!error) return <p role="status">{t('common.loading')}</p>;
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <section className="page">
        <h1>{notFound ? t('ticket.notFound', { ref: reference }) : t('ticket.loadFailed')}</h1>
        <p className="alert alert--error" role="alert">
          {errorText(error)}
        </p>
        <p>
          <a href={href('/tickets')}>{t('notFound.back')}</a>
        </p>
      </section>
    );
  }

  return (
    <article className="page ticket" aria-labelledby="ticket-title">
      <TicketHeader detail={detail} />
      {changedMeanwhile && (
        <p className="alert alert--info live-note" role="status">
          {t('ticket.live.changed')}{' '}
          <button type="button" className="btn" onClick={() => void showChanges()}>
            {t('ticket.live.show')}
          </button>
        </p>
      )}
      <FormError error={error} />
      <div className="ticket__layout">
        <div className="ticket__main">
          {/* Long action forms open here, in the wide column (ActionsPanel). */}
          <div id={MAIN_FORM_SLOT} />
          <DisagreementBox disagreement={detail.disagreement} />
          <TicketFacts detail={detail} />
          <TypeDetails detail={detail} />
          <SlaPanel sla={detail.sla} />
          <LinksList links={detail.links} />
          <WikiBacklinks reference={detail.ref} />
          <AttachmentsPanel detail={detail} files={files} onChanged={reload} />
          <EmailReplyForm detail={detail} files={files.data?.items ?? []} onSent={reload} />
          <Timeline entries={detail.timeline} />
        </div>
        <aside className="ticket__side" aria-label={t('actions.title')}>
          <ActionsPanel detail={detail} onChanged={setDetail} reload={reload} onFormOpen={onFormOpen} />
          <FollowUpLinks detail={detail} />
        </aside>
      </div>
    </article>
  );
}
