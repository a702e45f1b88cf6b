import type { PresentedSecurity as SecurityDetails } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { DataTable } from '../../ui/DataTable.tsx';

/** SEC-8: the early warning, notification and final report clocks, counted from awareness. */
export function RegulatoryClocks({ details }: { details: SecurityDetails }) {
  const { t, formatDate } = useI18n();
  const clocks = details.clocks ?? [];
  if (clocks.length === 0) return <p className="muted">{t('security.clocks.none')}</p>;
  return (
    <DataTable
      className="grid grid--compact"
      caption={t('security.clocks')}
      columns={[
        t('security.clocks.stage'),
        t('security.clocks.dueAt'),
        t('security.clocks.state'),
        t('security.clocks.sent'),
      ]}
    >
      {clocks.map((clock) => {
        const sent = details.stages?.[clock.stage];
        return (
          <tr key={clock.stage} className={`clock clock--${clock.state}`} data-stage={clock.stage}>
            <th scope="row">{t(`stage.${clock.stage}`)}</th>
            <td>{formatDate(clock.dueAt)}</td>
            <td>
              <span className={`badge badge--clock-${clock.state}`}>{t(`clockState.${clock.state}`)}</span>
            </td>
            <td>
              {sent
                ? t('security.clocks.sentTo', {
                    at: formatDate(sent.sentAt),
                    recipient: sent.recipient,
                    by: sent.by,
                  })
                : clock.sentAt
                  ? formatDate(clock.sentAt)
                  : '—'}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
