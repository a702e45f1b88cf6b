import { NO_SECURITY_DETAILS, securityDetailsOf } from '../../details.ts';
import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { useTaxonomy } from '../../security/useTaxonomy.ts';
import { FactList } from '../../ui/FactList.tsx';
import { FollowUpsList } from './FollowUpsList.tsx';
import { RegulatoryClocks } from './RegulatoryClocks.tsx';
import { SecurityImpactsTable } from './SecurityImpactsTable.tsx';
import { SecurityReports } from './SecurityReports.tsx';
import { TeamList } from './TeamList.tsx';

/** SEC-1 … SEC-8: what is known of a security incident, step by step. */
export function SecurityPanel({ detail }: { detail: TicketDetail }) {
  const { t, formatDate } = useI18n();
  const taxonomy = useTaxonomy();
  const d = securityDetailsOf(detail) ?? NO_SECURITY_DETAILS;
  const yesNo = (value: boolean | undefined) => (value === undefined ? null : t(value ? 'common.yes' : 'common.no'));
  return (
    <section className="card block security-panel" aria-labelledby="security-details-title">
      <h2 id="security-details-title">{t('security.details')}</h2>
      <FactList
        facts={[
          [t('security.taxonomyClass'), d.taxonomy ? taxonomy.classLabel(d.taxonomy.class) : null],
          [t('security.taxonomyType'), d.taxonomy ? taxonomy.typeLabel(d.taxonomy.class, d.taxonomy.type) : null],
          [
            t('security.severity'),
            d.severity ? (
              <span className={`badge badge--severity-${d.severity}`}>{t(`severity.${d.severity}`)}</span>
            ) : null,
          ],
          [t('security.national'), d.national ? `${d.national.party}: ${d.national.level}` : null],
          [t('security.awareAt'), d.awareAt ? formatDate(d.awareAt) : null],
          [
            t('security.ciaAffected'),
            d.ciaAffected
              ? d.ciaAffected.length
                ? d.ciaAffected.map((c) => t(`cia.${c}`)).join(', ')
                : t('common.none')
              : null,
          ],
          [t('security.personalData'), yesNo(d.personalData)],
          [t('security.eventType'), d.eventType ? taxonomy.classLabel(d.eventType) : null],
        ]}
      />
      <h3>{t('security.team')}</h3>
      <TeamList detail={detail} />
      <h3>{t('security.impacts')}</h3>
      <SecurityImpactsTable impacts={d.impacts ?? []} />
      {d.measures && (
        <>
          <h3>{t('security.measures')}</h3>
          <FactList
            facts={[
              [t('security.measures.initial'), <span className="prose">{d.measures.initial}</span>],
              [t('security.measures.followUp'), <span className="prose">{d.measures.followUp}</span>],
              [t('security.measures.resources'), <span className="prose">{d.measures.resources}</span>],
            ]}
          />
        </>
      )}
      {d.containment && (
        <>
          <h3>{t('security.containment')}</h3>
          <p className="prose">{d.containment.summary}</p>
          <p className="muted">{t('security.byAt', { by: d.containment.by, at: formatDate(d.containment.at) })}</p>
        </>
      )}
      {d.recovery && (
        <>
          <h3>{t('security.recovery')}</h3>
          <p className="prose">{d.recovery.summary}</p>
          <FactList
            facts={[
              [t('security.recovery.linkDisconnected'), yesNo(d.recovery.linkDisconnected)],
              [
                t('security.recovery.linkReconnectedAt'),
                d.recovery.linkReconnectedAt
                  ? formatDate(d.recovery.linkReconnectedAt)
                  : d.recovery.linkDisconnected
                    ? t('security.recovery.notReconnected')
                    : null,
              ],
              [t('security.recovery.registryTeamsInformed'), yesNo(d.recovery.registryTeamsInformed)],
            ]}
          />
          <p className="muted">{t('security.byAt', { by: d.recovery.by, at: formatDate(d.recovery.at) })}</p>
        </>
      )}
      <h3>{t('security.followUps')}</h3>
      <FollowUpsList followUps={d.followUps ?? []} />
      {d.indicators && d.indicators.length > 0 && (
        <>
          <h3>{t('security.indicators')}</h3>
          <ul>
            {d.indicators.map((i) => (
              <li key={i.name}>
                {i.name}: <code>{i.pattern}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('security.clocks')}</h3>
      <RegulatoryClocks details={d} />
      <h3>{t('security.reports')}</h3>
      <SecurityReports reference={detail.ref} details={d} />
    </section>
  );
}
