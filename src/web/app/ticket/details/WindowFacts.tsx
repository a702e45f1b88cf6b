import type { PresentedRelease as ReleaseDetails } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { FactList } from '../../ui/FactList.tsx';
import { ApprovalsTable } from './ApprovalsTable.tsx';

/** The joint maintenance window of a release (REL-2) and where it stands. */
export function WindowFacts({ window: w }: { window: ReleaseDetails['window'] }) {
  const { t, formatDate } = useI18n();
  if (!w) return <p className="muted">{t('details.release.noWindow')}</p>;
  return (
    <>
      <FactList
        facts={[
          [
            t('window.status'),
            <span className={`badge badge--window-${w.status}`}>{t(`window.status.${w.status}`)}</span>,
          ],
          [t('maintenance.startsAt'), <time dateTime={w.startsAt}>{formatDate(w.startsAt)}</time>],
          [t('maintenance.endsAt'), <time dateTime={w.endsAt}>{formatDate(w.endsAt)}</time>],
          [t('window.proposedBy'), w.proposedBy],
        ]}
      />
      {w.decisions && w.decisions.length > 0 && (
        <ApprovalsTable
          caption={t('window.decisions')}
          approvals={w.decisions}
          showCaption
          decisionLabel={(decision) =>
            decision === 'approved'
              ? t('window.status.accepted')
              : decision === 'refused'
                ? t('window.status.refused')
                : t('decision.pending')
          }
        />
      )}
    </>
  );
}
