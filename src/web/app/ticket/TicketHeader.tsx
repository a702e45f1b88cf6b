import type { TicketDetail } from '../../../contract/schemas.ts';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n.tsx';
import { href, PROCESS_PATHS, PROCESS_TYPES, type ProcessType } from '../router.ts';
import { PriorityBadge, SensitivityBadge, StatusBadge, TlpBadge } from '../ui/badges.tsx';

const isProcess = (type: string): type is ProcessType => (PROCESS_TYPES as readonly string[]).includes(type);

/** Reference, title and the key fields of a ticket at a glance. */
export function TicketHeader({ detail }: { detail: TicketDetail }) {
  const { t, formatDate } = useI18n();
  const facts: [string, ReactNode][] = [
    [t('ticket.status'), <StatusBadge status={detail.status} />],
    [
      t('ticket.priority'),
      <>
        <PriorityBadge priority={detail.priority} />{' '}
        <span className="muted">
          {detail.impact} × {detail.criticality}
        </span>
      </>,
    ],
    [
      t('ticket.sensitivity'),
      <span className="classification" data-testid="classification">
        <SensitivityBadge sensitivity={detail.sensitivity} />
        {detail.tlp && (
          <>
            {' '}
            <TlpBadge tlp={detail.tlp} />
          </>
        )}
      </span>,
    ],
    [t('ticket.ownerParty'), detail.ownerParty],
    [t('ticket.holderParty'), detail.holderParty],
    [t('ticket.group'), detail.group?.name ?? '—'],
    [t('ticket.assignee'), detail.assignee?.displayName ?? t('ticket.unassigned')],
    [t('ticket.escalationLevel'), t('ticket.levelValue', { level: detail.escalationLevel })],
    [t('ticket.service'), detail.service],
    [t('ticket.createdAt'), formatDate(detail.createdAt)],
  ];
  return (
    <header className="ticket-header">
      <nav aria-label={t('ticket.breadcrumb')} className="breadcrumb">
        <a href={href('/tickets')}>{t('nav.queue')}</a> <span aria-hidden="true">›</span>{' '}
        {isProcess(detail.type) ? (
          <a href={href(`/${PROCESS_PATHS[detail.type]}`)}>{t(`type.${detail.type}`)}</a>
        ) : detail.type === 'security' ? (
          <a href={href('/security')}>{t('type.security')}</a>
        ) : (
          <span>{t(`type.${detail.type}`)}</span>
        )}
      </nav>
      <h1 id="ticket-title">
        <span className="ticket-ref mono">{detail.ref}</span> {detail.title}
      </h1>
      <dl className="fact-strip">
        {facts.map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
