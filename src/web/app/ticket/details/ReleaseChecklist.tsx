import { RELEASE_CHECKLIST } from '../../../../domain/processes.ts';
import type { PresentedRelease as ReleaseDetails } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';

/** The REL-6 closure checklist: each item with who ticked it and when. */
export function ReleaseChecklist({ checklist }: { checklist: ReleaseDetails['checklist'] }) {
  const { t, formatDate } = useI18n();
  const done = RELEASE_CHECKLIST.filter((item) => checklist[item]).length;
  return (
    <>
      <p className="muted">{t('details.release.checklistProgress', { done, total: RELEASE_CHECKLIST.length })}</p>
      <ul className="checklist" aria-labelledby="release-checklist-title">
        {RELEASE_CHECKLIST.map((item) => {
          const tick = checklist[item];
          return (
            <li key={item} className={tick ? 'checklist__item--done' : undefined}>
              <span aria-hidden="true">{tick ? '✔' : '☐'}</span> {t(`releaseChecklist.${item}`)}
              {tick ? (
                <span className="muted">
                  {' '}
                  — {t('details.release.tickedBy', { by: tick.by ?? '—', at: formatDate(tick.at) })}
                </span>
              ) : (
                <span className="visually-hidden"> — {t('details.release.open')}</span>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
