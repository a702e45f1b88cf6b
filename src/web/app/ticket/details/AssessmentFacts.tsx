import type { Assessment } from '../../../../domain/processes.ts';
import { useI18n } from '../../i18n.tsx';
import { FactList } from '../../ui/FactList.tsx';

/** The change assessment: risk, impact, what and who is affected, when, and how to implement and roll back. */
export function AssessmentFacts({ assessment: a }: { assessment: Assessment }) {
  const { t, formatDate } = useI18n();
  return (
    <FactList
      facts={[
        [t('action.assess.risk'), <span className={`badge badge--risk-${a.risk}`}>{t(`risk.${a.risk}`)}</span>],
        [t('action.assess.impactAnalysis'), <span className="prose">{a.impactAnalysis}</span>],
        [t('action.assess.affectedServices'), (a.affectedServices ?? []).join(', ') || '—'],
        [t('action.assess.affectedParties'), (a.affectedParties ?? []).join(', ') || '—'],
        [t('action.assess.plannedStart'), formatDate(a.plannedStart)],
        [t('action.assess.plannedEnd'), formatDate(a.plannedEnd)],
        [t('action.assess.implementationPlan'), <span className="prose">{a.implementationPlan}</span>],
        [t('action.assess.rollbackPlan'), <span className="prose">{a.rollbackPlan}</span>],
      ]}
    />
  );
}
