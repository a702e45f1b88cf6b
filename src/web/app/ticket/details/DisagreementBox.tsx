import type { Disagreement } from '../../../../domain/processes.ts';
import { useI18n } from '../../i18n.tsx';
import { FactList } from '../../ui/FactList.tsx';

/** The disagreement between parties (PARTY-4): open (raised one level) or decided by a level manager. */
export function DisagreementBox({ disagreement }: { disagreement: Disagreement | null | undefined }) {
  const { t, formatDate } = useI18n();
  if (!disagreement) return null;
  const decided = Boolean(disagreement.decidedAt ?? disagreement.decision);
  return (
    <section
      className={`card block disagreement${decided ? '' : ' disagreement--open'}`}
      aria-labelledby="disagreement-title"
    >
      <h2 id="disagreement-title">
        {t('disagreement.title')}{' '}
        <span className={`badge ${decided ? 'badge--decision-approved' : 'badge--decision-refused'}`}>
          {t(decided ? 'disagreement.decided' : 'disagreement.open')}
        </span>
      </h2>
      <FactList
        facts={[
          [
            t('disagreement.openedBy'),
            disagreement.openedBy
              ? `${disagreement.openedBy} (${disagreement.openedByParty})`
              : disagreement.openedByParty,
          ],
          [t('disagreement.openedAt'), formatDate(disagreement.openedAt)],
          [t('disagreement.level'), t('ticket.levelValue', { level: disagreement.level })],
          [t('disagreement.reason'), <span className="prose">{disagreement.reason}</span>],
          [
            t('disagreement.decision'),
            disagreement.decision ? <span className="prose">{disagreement.decision}</span> : null,
          ],
          [t('disagreement.decidedBy'), disagreement.decidedBy ?? null],
          [t('disagreement.decidedAt'), disagreement.decidedAt ? formatDate(disagreement.decidedAt) : null],
        ]}
      />
    </section>
  );
}
