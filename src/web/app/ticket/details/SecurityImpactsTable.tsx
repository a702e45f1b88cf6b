import { CIA, type AssetImpact } from '../../../../domain/security.ts';
import { useI18n } from '../../i18n.tsx';

/** SEC-4: the C/I/A loss per information asset and what it means for each party. */
export function SecurityImpactsTable({ impacts }: { impacts: AssetImpact[] }) {
  const { t } = useI18n();
  if (impacts.length === 0) return <p className="muted">{t('security.impacts.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="grid grid--compact">
        <caption className="visually-hidden">{t('security.impacts')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('security.impacts.asset')}</th>
            {CIA.map((c) => (
              <th key={c} scope="col">
                {t(`cia.${c}`)}
              </th>
            ))}
            <th scope="col">{t('security.impacts.consequences')}</th>
          </tr>
        </thead>
        <tbody>
          {impacts.map((impact, index) => (
            <tr key={impact.assetId ?? `hidden-${index}`}>
              <th scope="row">{impact.assetName ?? t('security.impacts.hiddenAsset')}</th>
              {CIA.map((c) => (
                <td key={c}>
                  <span className={`badge badge--loss-${impact[c]}`}>{t(`loss.${impact[c]}`)}</span>
                </td>
              ))}
              <td>
                <dl className="consequences">
                  {Object.entries(impact.consequences).map(([party, text]) => (
                    <div key={party}>
                      <dt>{party}</dt>
                      <dd className="prose">{text}</dd>
                    </div>
                  ))}
                </dl>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
