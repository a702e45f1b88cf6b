import type { PresentedRelease as ReleaseDetails } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { FactList } from '../../ui/FactList.tsx';

/** Every rollback of a release: why, what was restored, by whom and when. */
export function RollbacksList({ rollbacks }: { rollbacks: ReleaseDetails['rollbacks'] }) {
  const { t, formatDate } = useI18n();
  if (rollbacks.length === 0) return <p className="muted">{t('details.release.noRollbacks')}</p>;
  return (
    <ol className="plain-list rollbacks">
      {rollbacks.map((rollback, i) => (
        <li key={i}>
          <p>
            <time dateTime={rollback.at}>{formatDate(rollback.at)}</time>
            {rollback.by && <> — {rollback.by}</>}
          </p>
          <FactList
            facts={[
              [t('action.rollback.reason'), <span className="prose">{rollback.reason}</span>],
              [t('action.rollback.restored'), <span className="prose">{rollback.restored}</span>],
            ]}
          />
        </li>
      ))}
    </ol>
  );
}
