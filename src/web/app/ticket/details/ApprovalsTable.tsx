import type { Approval } from '../../../../domain/approvals.ts';
import { useI18n } from '../../i18n.tsx';

interface Props {
  caption: string;
  approvals: Approval[];
  /** Show the caption (when no heading above names the table already). */
  showCaption?: boolean;
  /** The words of a decision, when not `decision.<value>` (e.g. a window accepted rather than approved). */
  decisionLabel?(decision: Approval['decision']): string;
}

/** One row per party: its decision, who gave it and when, and the note. */
export function ApprovalsTable({ caption, approvals, showCaption, decisionLabel }: Props) {
  const { t, formatDate } = useI18n();
  if (approvals.length === 0) return <p className="muted">{t('details.noApprovals', { what: caption })}</p>;
  return (
    <div className="table-wrap">
      <table className="grid grid--compact">
        <caption className={showCaption ? 'table-caption' : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('common.party')}</th>
            <th scope="col">{t('details.decision')}</th>
            <th scope="col">{t('details.by')}</th>
            <th scope="col">{t('details.at')}</th>
            <th scope="col">{t('details.note')}</th>
          </tr>
        </thead>
        <tbody>
          {approvals.map((approval) => (
            <tr key={approval.party}>
              <th scope="row">{approval.party}</th>
              <td>
                <span className={`badge badge--decision badge--decision-${approval.decision ?? 'pending'}`}>
                  {decisionLabel ? decisionLabel(approval.decision) : t(`decision.${approval.decision ?? 'pending'}`)}
                </span>
              </td>
              <td>{approval.by ?? <span className="muted">—</span>}</td>
              <td className="nowrap">
                {approval.at ? (
                  <time dateTime={approval.at}>{formatDate(approval.at)}</time>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="prose">{approval.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
