import type { TimelineEntry } from '../../../contract/schemas.ts';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { list, str, useEventParts } from './eventParts.tsx';

/** Free texts an event of an unknown kind may carry, shown with their label. */
const GENERIC_TEXTS = ['reason', 'note', 'comment', 'decision', 'rootCause', 'symptoms', 'workaround'] as const;

/** The readable content of the events of problems, requests, changes, releases and disagreements. */
export function ProcessEventBody({ entry }: { entry: TimelineEntry }) {
  const { t, formatDate } = useI18n();
  // Rendered field by field, whatever the kind: each kind's own shape is in the contract (TimelineEventSchema).
  const d: Record<string, unknown> = entry.data;
  const { labelled, texts, said, ticketLink } = useEventParts();

  let body: ReactNode;
  switch (entry.kind) {
    case 'disagreement_recorded':
      body = said(
        t('event.disagreement_recorded.text', {
          from: str(d.fromLevel),
          to: str(d.toLevel),
          name: typeof d.levelName === 'string' && d.levelName ? `(${d.levelName})` : '',
        }),
        ['event.reason', d.reason],
      );
      break;
    case 'disagreement_decided':
      body = said(t('event.disagreement_decided.text', { level: str(d.level) }), ['event.field.decision', d.decision]);
      break;
    case 'root_cause_recorded':
      body = texts(['event.field.rootCause', d.rootCause], ['event.field.workaround', d.workaround]);
      break;
    case 'known_error_published':
      body = (
        <p>
          {t('event.known_error_published.text', { title: str(d.title) })}{' '}
          <a href={href(`/known-errors?id=${encodeURIComponent(str(d.knownErrorId))}`)}>
            {t('event.known_error_published.link')}
          </a>
        </p>
      );
      break;
    case 'frequency_changed':
      body = (
        <p>
          {t('event.frequency_changed.text', {
            frequency: str(d.frequency),
            criticality: str(d.criticality),
            priority: str(d.priority),
          })}
        </p>
      );
      break;
    case 'approval_requested':
      body = (
        <p>
          {t(`event.approval_requested.${str(d.gate)}`, { parties: list(d.parties) })}
          {d.level ? ` ${t('event.approval_requested.level', { level: str(d.level) })}` : ''}
        </p>
      );
      break;
    case 'approval_given':
      body = said(
        t('event.approval_given.text', {
          party: str(d.party),
          decision: t(`decision.${str(d.decision)}`),
          what: t(`gate.${str(d.gate)}`),
        }),
        ['event.note', d.note],
      );
      break;
    case 'consultation_acknowledged':
      body = <p>{t('event.consultation_acknowledged.text', { party: str(d.party) })}</p>;
      break;
    case 'consultation_answered':
      body = (
        <>
          <p>{t('event.consultation_answered.text', { party: str(d.party) })}</p>
          <p className="prose">{str(d.answer)}</p>
        </>
      );
      break;
    case 'consultation_outcome':
      body = <p className="prose">{str(d.outcome)}</p>;
      break;
    case 'tasks_started':
      body = <p>{t('event.tasks_started.text', { parties: list(d.parties) })}</p>;
      break;
    case 'task_completed':
      body = said(t('event.task_completed.text', { party: str(d.party) }), ['event.note', d.note]);
      break;
    case 'task_forwarded':
      body = said(t('event.task_forwarded.text', { party: str(d.party), thirdParty: str(d.thirdParty) }), [
        'event.note',
        d.note,
      ]);
      break;
    case 'assessment_recorded':
      body = (
        <p>
          {t('event.assessment_recorded.text', { risk: t(`risk.${str(d.risk)}`), parties: list(d.affectedParties) })}
        </p>
      );
      break;
    case 'pre_approved':
      body = <p>{t('event.pre_approved.text', { code: str(d.standardChange) })}</p>;
      break;
    case 'change_applied':
      body = (
        <p>
          {t('event.change_applied.text')} {ticketLink(d.releaseRef)}
        </p>
      );
      break;
    case 'change_reverted':
      body = said(
        <>
          {t('event.change_reverted.text')} {ticketLink(d.releaseRef)}
        </>,
        ['event.reason', d.reason],
      );
      break;
    case 'change_rolled_back':
      body = said(
        <>
          {t('event.change_rolled_back.text')} {ticketLink(d.changeRef)}
        </>,
        ['event.reason', d.reason],
      );
      break;
    case 'implementation_reviewed':
      body = said(t('event.implementation_reviewed.text', { outcome: t(`pir.${str(d.outcome)}`) }), [
        'event.note',
        d.notes,
      ]);
      break;
    case 'release_recorded':
      body = <p>{t(`event.release_recorded.${str(d.section)}`)}</p>;
      break;
    case 'release_changes':
      body = (
        <p>
          {t(`event.release_changes.${str(d.change)}`)} {ticketLink(d.changeRef)}
        </p>
      );
      break;
    case 'window_proposed':
      body = (
        <p>
          {t('event.window_proposed.text', {
            start: formatDate(str(d.startsAt)),
            end: formatDate(str(d.endsAt)),
            partners: list(d.partners),
          })}
        </p>
      );
      break;
    case 'window_decided':
      body = said(t(`event.window_decided.${str(d.decision)}`, { party: str(d.party) }), ['event.reason', d.reason]);
      break;
    case 'deployed':
      body = said(
        t('event.deployed.text', { count: str(d.changes) }),
        ['event.note', d.note],
        ['event.field.emergencyReason', d.emergencyReason],
      );
      break;
    case 'rolled_back':
      body = said(
        t('event.rolled_back.text', { count: str(d.changes) }),
        ['event.reason', d.reason],
        ['event.field.restored', d.restored],
      );
      break;
    case 'restarted':
      body = <p>{t('event.restarted.text', { step: t(`status.${str(d.to)}`) })}</p>;
      break;
    case 'checklist_ticked':
      body = <p>{t('event.checklist_ticked.text', { item: t(`releaseChecklist.${str(d.item)}`) })}</p>;
      break;
    case 'checklist_cleared':
      body = (
        <p>
          {t('event.checklist_cleared.text', {
            items: Array.isArray(d.items) ? d.items.map((item) => t(`releaseChecklist.${str(item)}`)).join(', ') : '—',
          })}
        </p>
      );
      break;
    case 'request_accepted':
      body = said(t('event.request_accepted.text'), ['event.note', d.note]);
      break;
    default:
      // A kind this console does not know yet: its free texts and the status it led to.
      body = (
        <>
          {typeof d.to === 'string' && typeof d.from === 'string' && (
            <p>{t('event.status_changed.text', { from: t(`status.${d.from}`), to: t(`status.${d.to}`) })}</p>
          )}
          {GENERIC_TEXTS.map((key) => (
            <span key={key}>{labelled(`event.field.${key}`, d[key])}</span>
          ))}
        </>
      );
  }
  return <>{body}</>;
}
