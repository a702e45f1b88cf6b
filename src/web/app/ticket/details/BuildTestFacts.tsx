import type { ReleaseBuildTest as BuildTest } from '../../../../domain/processes.ts';
import { useI18n } from '../../i18n.tsx';
import { FactList } from '../../ui/FactList.tsx';

/** The build and test record of a release, with its test cases and their results. */
export function BuildTestFacts({ buildTest: b }: { buildTest: BuildTest }) {
  const { t } = useI18n();
  return (
    <>
      <FactList
        facts={[
          [t('action.record_build_test.deliveryPlan'), <span className="prose">{b.deliveryPlan}</span>],
          [t('action.record_build_test.testPlan'), <span className="prose">{b.testPlan}</span>],
          [t('action.record_build_test.leadTimes'), <span className="prose">{b.leadTimes}</span>],
          [t('action.record_build_test.delayHandling'), <span className="prose">{b.delayHandling}</span>],
          [
            t('action.record_build_test.successIndicators'),
            (b.successIndicators ?? []).length ? (
              <ul className="plain-list">
                {b.successIndicators.map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ul>
            ) : (
              '—'
            ),
          ],
        ]}
      />
      {(b.testCases ?? []).length > 0 && (
        <div className="table-wrap">
          <table className="grid grid--compact">
            <caption className="table-caption">{t('details.release.testCases')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('testCase.name')}</th>
                <th scope="col">{t('testCase.expected')}</th>
                <th scope="col">{t('testCase.result')}</th>
              </tr>
            </thead>
            <tbody>
              {b.testCases.map((testCase, i) => (
                <tr key={i}>
                  <th scope="row">{testCase.name}</th>
                  <td className="prose">{testCase.expected}</td>
                  <td>
                    <span className={`badge badge--test-${testCase.result}`}>
                      {t(`testCase.result.${testCase.result}`)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
