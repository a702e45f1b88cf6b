import type { KnownError } from '../../../contract/processes.ts';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { SensitivityBadge } from '../ui/badges.tsx';

/** One known error (COL-3): symptoms, cause and workaround, from its problem. */
export function KnownErrorCard({
  entry,
  headingLevel = 2,
  children,
}: {
  entry: KnownError;
  headingLevel?: 2 | 3;
  children?: ReactNode;
}) {
  const { t, formatDate } = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const titleId = `known-error-${entry.id}`;
  return (
    <article className="card known-error" aria-labelledby={titleId}>
      <Heading id={titleId}>{entry.title}</Heading>
      <p className="known-error__meta">
        <a href={href(`/tickets/${entry.problemRef}`)} className="mono">
          {entry.problemRef}
        </a>
        <span className="tag">{entry.service}</span>
        <SensitivityBadge sensitivity={entry.sensitivity} />
        <span className="muted">{t('knownErrors.publishedAt', { date: formatDate(entry.publishedAt) })}</span>
      </p>
      <dl className="facts__meta">
        <dt>{t('knownErrors.symptoms')}</dt>
        <dd className="prose">{entry.symptoms}</dd>
        <dt>{t('knownErrors.cause')}</dt>
        <dd className="prose">{entry.cause}</dd>
        <dt>{t('knownErrors.workaround')}</dt>
        <dd className="prose">{entry.workaround}</dd>
      </dl>
      {children}
    </article>
  );
}
