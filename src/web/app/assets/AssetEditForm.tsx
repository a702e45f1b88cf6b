import type { Asset } from '../../../contract/security.ts';
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormError } from '../ui/errors.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';
import { Field } from '../ui/Field.tsx';
import { CiaSelects, type CiaValues } from './CiaSelects.tsx';

const FIELDS = [
  'name',
  'description',
  'owner',
  'confidentiality',
  'integrity',
  'availability',
  'reviewIntervalDays',
  'notes',
  'personalData',
] as const;

/** ISM-1: changes an asset (the version read guards against a concurrent change); owner or C/I/A of a common asset go back for approval. */
export function AssetEditForm({
  asset,
  onDone,
  onCancel,
}: {
  asset: Asset;
  onDone(asset: Asset): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(asset.name);
  const [owner, setOwner] = useState(asset.owner);
  const [description, setDescription] = useState(asset.description);
  const [cia, setCia] = useState<CiaValues>({
    confidentiality: asset.confidentiality,
    integrity: asset.integrity,
    availability: asset.availability,
  });
  const [personalData, setPersonalData] = useState(asset.personalData);
  const [notes, setNotes] = useState(asset.notes);
  const [interval, setInterval] = useState(String(asset.reviewIntervalDays));
  const { busy, error, fieldError, submit } = useFormSubmit(
    async () => {
      const days = Number.parseInt(interval, 10);
      onDone(
        await api.patch<Asset>(`/assets/${asset.id}`, {
          version: asset.version,
          name: name.trim(),
          owner: owner.trim(),
          description: description.trim(),
          ...cia,
          personalData,
          notes: notes.trim(),
          ...(Number.isFinite(days) ? { reviewIntervalDays: days } : {}),
        }),
      );
    },
    { stayBusy: true },
  );

  return (
    <form
      className="form"
      aria-label={t('assets.editOf', { name: asset.name })}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      noValidate
    >
      <FormError error={error} fields={FIELDS} />
      {asset.common && <p className="hint">{t('assets.editCommonHint')}</p>}
      <div className="form-row">
        <Field label={t('assets.name')} required error={fieldError('name')} className="grow">
          {(c) => (
            <input {...c} name="name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <Field label={t('assets.owner')} required error={fieldError('owner')}>
          {(c) => (
            <input
              {...c}
              name="owner"
              required
              maxLength={200}
              value={owner}
              onChange={(e) => setOwner(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('assets.reviewIntervalDays')} error={fieldError('reviewIntervalDays')}>
          {(c) => (
            <input
              {...c}
              name="reviewIntervalDays"
              type="number"
              min={1}
              max={3650}
              value={interval}
              onChange={(e) => setInterval(e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field label={t('assets.description')} error={fieldError('description')}>
        {(c) => (
          <textarea
            {...c}
            name="description"
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <CiaSelects value={cia} onChange={setCia} error={error} />
      <label className="check">
        <input
          type="checkbox"
          name="personalData"
          checked={personalData}
          onChange={(e) => setPersonalData(e.target.checked)}
        />
        {t('assets.personalData')}
      </label>
      <Field label={t('assets.notes')} error={fieldError('notes')}>
        {(c) => <textarea {...c} name="notes" rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? t('common.saving') : t('assets.save')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
