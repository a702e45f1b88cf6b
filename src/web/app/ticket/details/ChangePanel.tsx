import type { PresentedChange as ChangeDetails } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { href } from '../../router.ts';
import { FactList } from '../../ui/FactList.tsx';
import { ApprovalsTable } from './ApprovalsTable.tsx';
import { AssessmentFacts } from './AssessmentFacts.tsx';
import { DetailsPanel } from './DetailsPanel.tsx';

/** Kind and origin of a change, its assessment, the other parties' reviews, the joint CAB and the post-implementation review. */
export function ChangePanel({ details }: { details: ChangeDetails }) {
  const { t, formatDate } = useI18n();
  const { origin, pir } = details;
  return (
    <DetailsPanel type="change">
      <FactList
        facts={[
          [t('change.kind'), t(`change.kind.${details.kind}`)],
          [
            t('new.change.standard'),
            details.standardChange ? <span className="mono">{details.standardChange}</span> : null,
          ],
          [
            t('change.origin'),
            <>
              {t(`change.origin.${origin.kind}`)}
              {origin.ticket && (
                <>
                  {' '}
                  <a href={href(`/tickets/${origin.ticket.ref}`)} className="mono">
                    {origin.ticket.ref}
                  </a>
                </>
              )}
              {origin.reference && (
                <>
                  {' '}
                  — <span className="prose">{origin.reference}</span>
                </>
              )}
            </>,
          ],
          [
            t('details.change.approvalLevel'),
            details.approvalLevel ? (
              t('ticket.levelValue', { level: details.approvalLevel })
            ) : (
              <span className="muted">{t('details.change.levelUnset')}</span>
            ),
          ],
          [
            t('details.change.appliedAt'),
            details.appliedAt ? (
              formatDate(details.appliedAt)
            ) : (
              <span className="muted">{t('details.change.notApplied')}</span>
            ),
          ],
          [
            t('details.change.release'),
            details.releaseRef ? (
              <a href={href(`/tickets/${details.releaseRef}`)} className="mono">
                {details.releaseRef}
              </a>
            ) : null,
          ],
        ]}
      />
      <h3>{t('details.change.assessment')}</h3>
      {details.assessment ? (
        <AssessmentFacts assessment={details.assessment} />
      ) : (
        <p className="muted">{t('details.change.notAssessed')}</p>
      )}
      <h3>{t('details.change.reviews')}</h3>
      <ApprovalsTable caption={t('details.change.reviews')} approvals={details.reviews ?? []} />
      <h3>{t('details.change.approvals')}</h3>
      <ApprovalsTable caption={t('details.change.approvals')} approvals={details.approvals ?? []} />
      <h3>{t('details.change.pir')}</h3>
      {pir ? (
        <FactList
          facts={[
            [t('action.review_implementation.outcome'), t(`pir.${pir.outcome}`)],
            [t('action.review_implementation.notes'), <span className="prose">{pir.notes}</span>],
            [t('details.by'), pir.by],
            [t('details.at'), pir.at ? formatDate(pir.at) : null],
          ]}
        />
      ) : (
        <p className="muted">{t('details.change.noPir')}</p>
      )}
    </DetailsPanel>
  );
}
