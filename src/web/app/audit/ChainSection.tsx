import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormError } from '../ui/errors.tsx';
import { useGet } from '../ui/useGet.ts';
import type { ChainReport, Checkpoint } from './auditTypes.ts';

/** AUD-1: the chain's verification on demand, and the signed checkpoints to keep outside the instance. */
export function ChainSection() {
  const { t, formatDate } = useI18n();
  const [report, setReport] = useState<ChainReport | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const checkpoints = useGet<{ checkpoints: Checkpoint[] }>('/audit/checkpoints');

  async function verify() {
    setChecking(true);
    setError(null);
    try {
      setReport(await api.get<ChainReport>('/audit/verify'));
    } catch (caught) {
      setError(caught);
    } finally {
      setChecking(false);
    }
  }

  return (
    <section aria-labelledby="audit-chain-title">
      <h2 id="audit-chain-title">{t('audit.chain')}</h2>
      <p className="hint">{t('audit.chainHint')}</p>
      <button type="button" className="btn" disabled={checking} onClick={() => void verify()}>
        {checking ? t('audit.verifying') : t('audit.verify')}
      </button>
      <FormError error={error} />
      {report && (
        <p className={`alert ${report.ok ? 'alert--success' : 'alert--error'}`} role="status">
          {report.ok
            ? t('audit.chainOk', { entries: report.entries, at: formatDate(report.checkedAt) })
            : t('audit.chainBroken', {
                kind: t(`audit.problem.${report.problem?.kind ?? 'altered'}`),
                seq: report.problem?.seq ?? 0,
              })}
        </p>
      )}
      <h3>{t('audit.checkpoints')}</h3>
      <FormError error={checkpoints.error} />
      {(checkpoints.data?.checkpoints ?? []).length === 0 ? (
        <p className="empty">{checkpoints.loading ? t('common.loading') : t('audit.noCheckpoint')}</p>
      ) : (
        <ul className="checkpoint-list">
          {checkpoints.data!.checkpoints.map((c) => (
            <li key={c.id}>
              <a href={`/api/v1/audit/checkpoints/${c.id}`} download>
                {t('audit.checkpointOf', { at: formatDate(c.at), seq: c.seq })}
              </a>{' '}
              <code className="muted">{c.headHash.slice(0, 16)}…</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
