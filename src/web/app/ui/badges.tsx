import { useI18n } from '../i18n.tsx';

/** A ticket status as a coloured badge. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <span className={`badge badge--status badge--${status}`}>{t(`status.${status}`)}</span>;
}

/** A priority, P1 red down to P5 grey; the label says it in words for screen readers. */
export function PriorityBadge({ priority }: { priority: string }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge--priority badge--${priority.toLowerCase()}`} title={t(`priority.${priority}`)}>
      {priority}
    </span>
  );
}

/** An ETS sensitivity level. */
export function SensitivityBadge({ sensitivity }: { sensitivity: string }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge--sensitivity badge--${sensitivity.toLowerCase()}`}>
      {t(`sensitivity.${sensitivity}`)}
    </span>
  );
}

/** A TLP 2.0 label (ISM-5), coloured as the standard says. */
export function TlpBadge({ tlp }: { tlp: string }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge--tlp badge--tlp-${tlp.toLowerCase().replace('+', '-')}`} title={t('tlp.hint')}>
      TLP:{tlp}
    </span>
  );
}
