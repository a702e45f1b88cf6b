import type { ReactNode } from 'react';
import { useI18n } from '../../i18n.tsx';

/** The card holding the facts of one ticket type, titled by the type. */
export function DetailsPanel({ type, className, children }: { type: string; className?: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <section className={`card block ${className ?? ''}`.trim()} aria-labelledby={`${type}-details-title`}>
      <h2 id={`${type}-details-title`}>{t(`details.${type}.title`)}</h2>
      {children}
    </section>
  );
}
