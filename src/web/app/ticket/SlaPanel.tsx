import { useI18n } from '../i18n.tsx';
import type { Sla } from '../types.ts';
import { SLA_CLOCKS } from '../ui/sla.ts';
import { useDuration } from '../ui/SlaCell.tsx';

/** The ticket's service-level clocks: target, time used, state and due time (SLA-2/3/4). */
export function SlaPanel({ sla }: { sla: Sla | null | undefined }) {
  const { t, formatDate } = useI18n();
  const duration = useDuration();
  if (!sla) return null;
  const parties = Object.entries(sla.byParty);
  return (
    <section className="card block" aria-labelledby="sla-title">
      <h2 id="sla-title">
        {t('sla.title')} <span className={`badge badge--sla badge--sla-${sla.level}`}>{t(`sla.level.${sla.level}`)}</span>
      </h2>
      <table className="grid grid--compact">
        <caption className="visually-hidden">{t('sla.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sla.clock')}</th>
            <th scope="col">{t('sla.target')}</th>
            <th scope="col">{t('sla.elapsed')}</th>
            <th scope="col">{t('sla.state')}</th>
            <th scope="col">{t('sla.due')}</th>
          </tr>
        </thead>
        <tbody>
          {SLA_CLOCKS.map((name) => {
            const clock = sla[name];
            return (
              <tr key={name} className={`sla-row--${clock.level}`}>
                <th scope="row">{t(`sla.name.${name}`)}</th>
                <td>{duration(clock.targetMs)}</td>
                <td>{duration(clock.elapsedMs)}</td>
                <td>
                  <span className={`badge badge--sla badge--sla-${clock.level}`}>{t(`sla.level.${clock.level}`)}</span> {t(`sla.phase.${clock.phase}`)}
                </td>
                <td className="nowrap">{clock.dueAt ? formatDate(clock.dueAt) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted">
        {t('sla.paused', { duration: duration(sla.pausedMs) })}
        {parties.length > 0 && <> · {t('sla.byParty', { list: parties.map(([party, ms]) => `${party} ${duration(ms)}`).join(', ') })}</>}
      </p>
    </section>
  );
}
