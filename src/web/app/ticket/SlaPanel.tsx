import type { Sla, SlaClock } from '../../../contract/schemas.ts';
import { useI18n } from '../i18n.tsx';
import { SLA_CLOCKS } from '../ui/sla.ts';
import { useDuration, useTimeLeft } from '../ui/SlaCell.tsx';

/** The ticket's service-level clocks: target, time used, time left or overdue, state and due time (SLA-2/3/4). */
export function SlaPanel({ sla }: { sla: Sla | null | undefined }) {
  const { t, formatDate } = useI18n();
  const duration = useDuration();
  const timeLeft = useTimeLeft();
  if (!sla) return null;
  const parties = Object.entries(sla.byParty);
  const paused = SLA_CLOCKS.some((name) => sla[name].phase === 'paused');

  function left(clock: SlaClock) {
    if (clock.phase === 'stopped') {
      const over = clock.elapsedMs - clock.targetMs;
      return over > 0 ? (
        <span className="not-met">{t('sla.missedBy', { duration: duration(over) })}</span>
      ) : (
        <span className="met">{t('sla.metTarget')}</span>
      );
    }
    const { text, overdue } = timeLeft(clock);
    return <span className={overdue ? 'not-met' : undefined}>{text}</span>;
  }

  return (
    <section className="card block" aria-labelledby="sla-title">
      <h2 id="sla-title">
        {t('sla.title')}{' '}
        <span className={`badge badge--sla badge--sla-${sla.level}`}>{t(`sla.level.${sla.level}`)}</span>
      </h2>
      {paused && <p className="alert alert--info">{t('sla.pausedNotice')}</p>}
      <table className="grid grid--cards grid--compact">
        <caption className="visually-hidden">{t('sla.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sla.clock')}</th>
            <th scope="col">{t('sla.target')}</th>
            <th scope="col">{t('sla.elapsed')}</th>
            <th scope="col">{t('sla.timeLeft')}</th>
            <th scope="col">{t('sla.state')}</th>
            <th scope="col">{t('sla.due')}</th>
          </tr>
        </thead>
        <tbody>
          {SLA_CLOCKS.map((name) => {
            const clock = sla[name];
            return (
              <tr key={name} className={`sla-row--${clock.level}`}>
                <th scope="row" data-label={t('sla.clock')}>
                  {t(`sla.name.${name}`)}
                </th>
                <td data-label={t('sla.target')} className="nowrap">
                  {duration(clock.targetMs)}
                </td>
                <td data-label={t('sla.elapsed')} className="nowrap">
                  {duration(clock.elapsedMs)}
                </td>
                <td data-label={t('sla.timeLeft')} className="nowrap">
                  {left(clock)}
                </td>
                <td data-label={t('sla.state')}>
                  <span className={`badge badge--sla badge--sla-${clock.level}`}>{t(`sla.level.${clock.level}`)}</span>{' '}
                  {t(`sla.phase.${clock.phase}`)}
                </td>
                <td data-label={t('sla.due')} className="nowrap">
                  {clock.phase === 'running' && clock.dueAt ? formatDate(clock.dueAt) : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl className="facts__meta">
        <dt>{t('sla.pausedTotal')}</dt>
        <dd>{duration(sla.pausedMs)}</dd>
        {parties.length > 0 && (
          <>
            <dt>{t('sla.byPartyLabel')}</dt>
            <dd>{parties.map(([party, ms]) => t('sla.partyTime', { party, duration: duration(ms) })).join(' · ')}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
