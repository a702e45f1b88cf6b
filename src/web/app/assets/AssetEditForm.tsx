import type { Asset } from '../../../contract/security.ts';
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormShell } from '../ui/form/FormShell.tsx';
import { TextField } from '../ui/form/inputs.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';
import { AssetFields, assetBody, type AssetFormProps, type AssetValues } from './AssetFields.tsx';

/** ISM-1: changes an asset (the version read guards against a concurrent change); owner or C/I/A of a common asset go back for approval. */
export function AssetEditForm({ asset, onDone, onCancel }: AssetFormProps) {
  const { t } = useI18n();
  const [value, setValue] = useState<AssetValues>({
    name: asset.name,
    owner: asset.owner,
    description: asset.description,
    cia: { confidentiality: asset.confidentiality, integrity: asset.integrity, availability: asset.availability },
    personalData: asset.personalData,
    interval: String(asset.reviewIntervalDays),
  });
  const [notes, setNotes] = useState(asset.notes);
  const form = useFormSubmit(
    async () => {
      const body = {
        version: asset.version,
        ...assetBody(value),
        description: value.description.trim(),
        notes: notes.trim(),
      };
      onDone(await api.patch<Asset>(`/assets/${asset.id}`, body));
    },
    { stayBusy: true },
  );

  return (
    <FormShell
      ariaLabel={t('assets.editOf', { name: asset.name })}
      onSubmit={form.send}
      error={form.error}
      busy={form.busy}
      submitLabel={t('assets.save')}
      onCancel={onCancel}
      cancelOnEscape
      status={asset.common && <p className="hint">{t('assets.editCommonHint')}</p>}
    >
      <AssetFields value={value} onChange={setValue} />
      <TextField name="notes" label={t('assets.notes')} rows={2} value={notes} onChange={setNotes} />
    </FormShell>
  );
}
