import type { FollowUp } from '../../../../domain/security.ts';
import { useI18n } from '../../i18n.tsx';

/** SEC-6: follow-up actions with their done state; an open exploitable weakness is flagged. */
export function FollowUpsList({ followUps }: { followUps: FollowUp[] }) {
  const { t, formatDate } = useI18n();
  if (followUps.length === 0) return <p className="muted">{t('security.followUps.none')}</p>;
  return (
    <ul className="follow-ups">
      {followUps.map((f) => (
        <li key={f.id} className={f.done ? 'follow-up follow-up--done' : 'follow-up'}>
          <span className={`badge ${f.done ? 'badge--task-done' : 'badge--task-open'}`}>
            {t(f.done ? 'security.followUps.done' : 'security.followUps.open')}
          </span>{' '}
          <strong>{t(`followUpKind.${f.kind}`)}</strong> — <span className="prose">{f.description}</span>
          {f.exploitable && !f.done && (
            <>
              {' '}
              <span className="badge badge--critical">{t('security.followUps.exploitable')}</span>
            </>
          )}
          {f.done && (
            <p className="muted">
              {t('security.followUps.doneBy', { by: f.doneBy ?? '—', at: formatDate(f.doneAt) })}
              {f.note ? ` — ${f.note}` : ''}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
