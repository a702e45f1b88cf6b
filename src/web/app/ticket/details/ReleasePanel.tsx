import { DEPLOYMENT_FIELDS, RELEASE_PLAN_FIELDS } from '../../details.ts';
import type { PresentedRelease as ReleaseDetails } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { href } from '../../router.ts';
import { StatusBadge } from '../../ui/badges.tsx';
import { FactList } from '../../ui/FactList.tsx';
import { ApprovalsTable } from './ApprovalsTable.tsx';
import { BuildTestFacts } from './BuildTestFacts.tsx';
import { ReleaseChecklist } from './ReleaseChecklist.tsx';
import { RollbacksList } from './RollbacksList.tsx';
import { WindowFacts } from './WindowFacts.tsx';
import { DetailsPanel } from './DetailsPanel.tsx';

/** A release from plan to closure: its changes, plan, build and test, deployment, approvals, joint window, rollbacks and REL-6 checklist. */
export function ReleasePanel({ details }: { details: ReleaseDetails }) {
  const { t, formatDate } = useI18n();
  const { plan, deployment } = details;
  return (
    <DetailsPanel type="release" className="release">
      <h3>{t('details.release.changes')}</h3>
      {details.changes.length === 0 ? (
        <p className="muted">{t('details.release.noChanges')}</p>
      ) : (
        <ul className="links">
          {details.changes.map((change) => (
            <li key={change.id}>
              <a href={href(`/tickets/${change.ref}`)} className="mono">
                {change.ref}
              </a>{' '}
              <span>{change.title}</span> <StatusBadge status={change.status} />
            </li>
          ))}
        </ul>
      )}
      <FactList facts={[[t('details.release.affectedParties'), (details.affectedParties ?? []).join(', ') || '—']]} />
      <h3>{t('details.release.plan')}</h3>
      {plan ? (
        <FactList
          facts={RELEASE_PLAN_FIELDS.map((key) => [
            t(`action.record_plan.${key}`),
            <span className="prose">{plan[key]}</span>,
          ])}
        />
      ) : (
        <p className="muted">{t('details.release.notYet')}</p>
      )}
      <h3>{t('details.release.buildTest')}</h3>
      {details.buildTest ? (
        <BuildTestFacts buildTest={details.buildTest} />
      ) : (
        <p className="muted">{t('details.release.notYet')}</p>
      )}
      <h3>{t('details.release.deployment')}</h3>
      {deployment ? (
        <FactList
          facts={DEPLOYMENT_FIELDS.map((key) => [
            t(`action.record_deployment.${key}`),
            <span className="prose">{deployment[key]}</span>,
          ])}
        />
      ) : (
        <p className="muted">{t('details.release.notYet')}</p>
      )}
      <h3>{t('details.release.window')}</h3>
      <WindowFacts window={details.window} />
      <h3>{t('details.release.approvals')}</h3>
      <ApprovalsTable caption={t('details.release.approvals')} approvals={details.approvals ?? []} />
      <h3>{t('details.release.deployments')}</h3>
      {(details.deployments ?? []).length === 0 ? (
        <p className="muted">{t('details.release.noDeployments')}</p>
      ) : (
        <ol className="plain-list">
          {(details.deployments ?? []).map((d, i) => (
            <li key={i}>
              {t('details.release.deployedBy', { by: d.by ?? '—', at: formatDate(d.at) })}
              {d.note && (
                <>
                  {' '}
                  — <span className="prose">{d.note}</span>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      <h3>{t('details.release.rollbacks')}</h3>
      <RollbacksList rollbacks={details.rollbacks ?? []} />
      <h3 id="release-checklist-title">{t('details.release.checklist')}</h3>
      <ReleaseChecklist checklist={details.checklist ?? {}} />
    </DetailsPanel>
  );
}
