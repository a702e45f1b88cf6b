import type { PresentedProblem as ProblemDetails } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { href } from '../../router.ts';
import { FactList } from '../../ui/FactList.tsx';
import { DetailsPanel } from './DetailsPanel.tsx';

/** Root cause, how many incidents it explains (frequency → criticality) and its published known error. */
export function ProblemPanel({ details }: { details: ProblemDetails }) {
  const { t } = useI18n();
  const frequency = details.frequency ?? 0;
  return (
    <DetailsPanel type="problem">
      <FactList
        facts={[
          [
            t('details.problem.rootCause'),
            details.rootCause ? (
              <span className="prose">{details.rootCause}</span>
            ) : (
              <span className="muted">{t('details.problem.noRootCause')}</span>
            ),
          ],
          [
            t('details.problem.frequency'),
            t(frequency === 1 ? 'details.problem.frequencyOne' : 'details.problem.frequencyValue', {
              count: frequency,
            }),
          ],
          [
            t('details.problem.knownError'),
            details.knownErrorId ? (
              <a href={href(`/known-errors?id=${encodeURIComponent(details.knownErrorId)}`)}>
                {t('details.problem.knownErrorLink')}
              </a>
            ) : (
              <span className="muted">{t('details.problem.noKnownError')}</span>
            ),
          ],
        ]}
      />
    </DetailsPanel>
  );
}
