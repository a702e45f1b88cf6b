import type { TicketDetail } from '../../../contract/schemas.ts';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n.tsx';
import { CLOSURE_CHECKLIST } from '../ui/constants.ts';

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="block">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** Description, reporter, known error / workaround, resolution and closure checklist. */
export function TicketFacts({ detail }: { detail: TicketDetail }) {
  const { t, formatDate } = useI18n();
  return (
    <div className="card facts">
      <Block title={t('ticket.description')}>
        {detail.description ? (
          <p className="prose">{detail.description}</p>
        ) : (
          <p className="muted">{t('ticket.noDescription')}</p>
        )}
        <dl className="facts__meta">
          <dt>{t('ticket.reporter')}</dt>
          <dd>{detail.reporter ?? '—'}</dd>
          {detail.reporterEmail && (
            <>
              <dt>{t('ticket.reporterEmail')}</dt>
              <dd>{detail.reporterEmail}</dd>
            </>
          )}
          <dt>{t('ticket.channel')}</dt>
          <dd>{t(`channel.${detail.channel}`)}</dd>
          {detail.priorityReason && (
            <>
              <dt>{t('ticket.priorityReason')}</dt>
              <dd>{detail.priorityReason}</dd>
            </>
          )}
        </dl>
      </Block>
      {(detail.knownError || detail.workaround) && (
        <Block title={t('ticket.knownError')}>
          <p className="prose">{detail.knownError}</p>
          <h3>{t('ticket.workaround')}</h3>
          <p className="prose">{detail.workaround}</p>
        </Block>
      )}
      {detail.resolution && (
        <Block title={t('ticket.resolution')}>
          <p className="prose">{detail.resolution}</p>
          {detail.resolvedAt && (
            <p className="muted">{t('ticket.resolvedAt', { date: formatDate(detail.resolvedAt) })}</p>
          )}
        </Block>
      )}
      {detail.checklist && (
        <Block title={t('ticket.checklist')}>
          <ul className="checklist">
            {CLOSURE_CHECKLIST.map((item) => (
              <li key={item}>
                <span aria-hidden="true">{detail.checklist?.[item] ? '✔' : '✘'}</span> {t(`checklist.${item}`)}
              </li>
            ))}
          </ul>
          {detail.closedAt && <p className="muted">{t('ticket.closedAt', { date: formatDate(detail.closedAt) })}</p>}
        </Block>
      )}
    </div>
  );
}
