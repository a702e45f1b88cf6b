import { useI18n } from '../../i18n.tsx';
import type { PresentedConsultation as ConsultationDetails } from '../../../../contract/schemas.ts';
import { FactList } from '../../ui/FactList.tsx';
import { DetailsPanel } from './DetailsPanel.tsx';

/** CBM-5: who is consulted, the deadlines (with the one missed, if any), the answer and the outcome. */
export function ConsultationPanel({ details }: { details: ConsultationDetails }) {
  const { t, formatDate } = useI18n();
  const none = <span className="muted">{t('details.consultation.notYet')}</span>;
  return (
    <DetailsPanel type="consultation">
      {details.overdue && <p role="alert">{t(`details.consultation.overdue.${details.overdue}`)}</p>}
      <FactList
        facts={[
          [t('details.consultation.party'), details.consultedParty],
          [t('details.consultation.situation'), <span className="prose">{details.situation}</span>],
          [t('details.consultation.acknowledgeBy'), formatDate(details.acknowledgeBy)],
          [
            t('details.consultation.acknowledgedAt'),
            details.acknowledgedAt ? formatDate(details.acknowledgedAt) : none,
          ],
          [t('details.consultation.answerBy'), formatDate(details.answerBy)],
          [t('details.consultation.answer'), details.answer ? <span className="prose">{details.answer}</span> : none],
          [
            t('details.consultation.outcome'),
            details.outcome ? <span className="prose">{details.outcome}</span> : none,
          ],
        ]}
      />
    </DetailsPanel>
  );
}
