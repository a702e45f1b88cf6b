import type { TimelineEntry } from '../../../contract/schemas.ts';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { CLOSURE_CHECKLIST } from '../ui/constants.ts';
import { useDuration } from '../ui/SlaCell.tsx';
import { str, useEventParts } from './eventParts.tsx';
import { ProcessEventBody } from './ProcessEventBody.tsx';

/** The readable content of one timeline event, per kind. */
export function EventBody({ entry }: { entry: TimelineEntry }) {
  const { t } = useI18n();
  const duration = useDuration();
  // Rendered field by field, whatever the kind: each kind's own shape is in the contract (TimelineEventSchema).
  const d: Record<string, unknown> = entry.data;
  const { labelled, texts, said } = useEventParts();
  const text = (value: unknown) => (typeof value === 'string' && value ? <p className="prose">{value}</p> : null);
  const valueOf = (field: unknown, value: unknown) =>
    field === 'status'
      ? t(`status.${str(value)}`)
      : field === 'sensitivity'
        ? t(`sensitivity.${str(value)}`)
        : str(value);

  let body: ReactNode;
  switch (entry.kind) {
    case 'created':
      body = <p>{t('event.created.text', { ref: str(d.ref), channel: t(`channel.${str(d.channel)}`) })}</p>;
      break;
    case 'status_changed':
      body = said(t('event.status_changed.text', { from: t(`status.${str(d.from)}`), to: t(`status.${str(d.to)}`) }), [
        'event.note',
        d.note,
      ]);
      break;
    case 'assigned':
      body = (
        <p>
          {d.assigneeName
            ? t('event.assigned.person', { group: str(d.groupName), person: str(d.assigneeName), party: str(d.party) })
            : t('event.assigned.group', { group: str(d.groupName), party: str(d.party) })}
        </p>
      );
      break;
    case 'transferred':
      body = said(
        t('event.transferred.text', { from: str(d.fromParty), to: str(d.toParty), group: str(d.groupName) }),
        ['event.reason', d.reason],
      );
      break;
    case 'escalated':
      body = said(
        d.mode === 'functional'
          ? t('event.escalated.functional', { group: str(d.groupName) })
          : t('event.escalated.hierarchical', { level: str(d.toLevel), name: str(d.levelName) }),
        ['event.reason', d.reason],
        ['event.escalated.contact', d.contact],
      );
      break;
    case 'comment':
      body = text(d.body);
      break;
    case 'field_changed':
    case 'sensitivity_changed': {
      // A sensitivity change is a field change of its own kind (it records no field name).
      const field = entry.kind === 'sensitivity_changed' ? 'sensitivity' : d.field;
      body = said(
        t('event.field_changed.text', {
          field: t(`field.${str(field)}`),
          from: valueOf(field, d.from),
          to: valueOf(field, d.to),
        }),
        ['event.reason', d.reason],
      );
      break;
    }
    case 'known_error_recorded':
      body = texts(['ticket.knownError', d.knownError], ['ticket.workaround', d.workaround]);
      break;
    case 'resolved':
      body = text(d.resolution);
      break;
    case 'verified':
      body = labelled('event.note', d.note);
      break;
    case 'closed': {
      const checklist = (d.checklist ?? {}) as Record<string, boolean>;
      // Only incidents close with the INC-6 checklist; other types record an empty one.
      body = (
        <>
          {Object.keys(checklist).length > 0 && (
            <ul className="checklist">
              {CLOSURE_CHECKLIST.map((item) => (
                <li key={item}>
                  <span aria-hidden="true">{checklist[item] ? '✔' : '✘'}</span> {t(`checklist.${item}`)}
                </li>
              ))}
            </ul>
          )}
          {labelled('event.note', d.note)}
        </>
      );
      break;
    }
    case 'linked':
      body = (
        <p>
          {t(`link.${str(d.linkKind)}.${str(d.direction)}`)}{' '}
          <a href={href(`/tickets/${str(d.otherRef)}`)} className="mono">
            {str(d.otherRef)}
          </a>
        </p>
      );
      break;
    case 'sla_warning':
    case 'sla_breached':
      body = (
        <p>
          {t('event.sla.text', {
            clock: str(d.clock).toUpperCase(),
            elapsed: duration(Number(d.elapsedMs)),
            target: duration(Number(d.targetMs)),
          })}
        </p>
      );
      break;
    case 'notification_sent':
      body = (
        <p>
          {t('event.notification_sent.text', {
            kind: t(`notification.kind.${str(d.notification)}`),
            recipient: str(d.recipient),
          })}
        </p>
      );
      break;
    default:
      body = <ProcessEventBody entry={entry} />;
  }
  return <div className="timeline__body">{body}</div>;
}
