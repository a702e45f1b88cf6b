import { REVIEW_OUTCOMES } from '../../../domain/assets.ts';
import type { Asset } from '../../../contract/security.ts';
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormShell } from '../ui/form/FormShell.tsx';
import { SelectField, TextField } from '../ui/form/inputs.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';
import type { AssetFormProps } from './AssetFields.tsx';

/** ISM-3: records a review of an asset; the next one falls due an interval later. */
export function AssetReviewForm({ asset, onDone, onCancel }: AssetFormProps) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<string>('confirmed');
  const [note, setNote] = useState('');
  const form = useFormSubmit(
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
    <FormShell
      className="inline-form"
      ariaLabel={t('assets.reviewOf', { name: asset.name })}
      onSubmit={form.send}
      error={form.error}
      busy={form.busy}
      submitLabel={t('assets.reviewSubmit')}
      onCancel={onCancel}
      cancelOnEscape
    >
      <SelectField
        name="outcome"
        label={t('assets.reviewOutcome')}
        value={outcome}
        onChange={setOutcome}
        options={REVIEW_OUTCOMES.map((o) => ({ value: o, label: t(`reviewOutcome.${o}`) }))}
      />
      <TextField name="note" label={t('assets.reviewNote')} rows={2} value={note} onChange={setNote} />
    </FormShell>
  );
}
