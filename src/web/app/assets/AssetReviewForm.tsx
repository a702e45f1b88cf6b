import { REVIEW_OUTCOMES } from '../../../domain/assets.ts';
import type { Asset } from '../../../contract/security.ts';
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormError } from '../ui/errors.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';
import { Field } from '../ui/Field.tsx';

/** ISM-3: records a review of an asset; the next one falls due an interval later. */
export function AssetReviewForm({
  asset,
  onDone,
  onCancel,
}: {
  asset: Asset;
  onDone(asset: Asset): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<string>('confirmed');
  const [note, setNote] = useState('');
  const { busy, error, fieldError, submit } = useFormSubmit(
    async () => {
      const result = await api.post<{ asset: Asset }>(`/assets/${asset.id}/reviews`, {
        outcome,
        version: asset.version,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onDone(result.asset);
    },
    { stayBusy: true },
  );

  return (
    <form
      className="inline-form"
      aria-label={t('assets.reviewOf', { name: asset.name })}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      noValidate
    >
      <FormError error={error} fields={['outcome', 'note']} />
      <Field label={t('assets.reviewOutcome')} error={fieldError('outcome')}>
        {(c) => (
          <select {...c} name="outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)}>
            {REVIEW_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`reviewOutcome.${o}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('assets.reviewNote')} error={fieldError('note')}>
        {(c) => <textarea {...c} name="note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? t('common.saving') : t('assets.reviewSubmit')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
