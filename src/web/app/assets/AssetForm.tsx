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
] as const;
const START: CiaValues = { confidentiality: 'LOW', integrity: 'LOW', availability: 'LOW' };

/** ISM-1: registers an asset of the user's party, or proposes a common one to the other parties. */
export function AssetForm({ onCreated }: { onCreated(asset: Asset): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [owner, setOwner] = useState('');
  const [description, setDescription] = useState('');
  const [cia, setCia] = useState<CiaValues>(START);
  const [personalData, setPersonalData] = useState(false);
  const [common, setCommon] = useState(false);
  const [interval, setInterval] = useState('');
  const { busy, error, fieldError, submit } = useFormSubmit(async () => {
    const days = Number.parseInt(interval, 10);
    const asset = await api.post<Asset>('/assets', {
      name: name.trim(),
      owner: owner.trim(),
      ...(description.trim() ? { description: description.trim() } : {}),
      ...cia,
      personalData,
      common,
      ...(Number.isFinite(days) ? { reviewIntervalDays: days } : {}),
    });
    setName('');
    setOwner('');
    setDescription('');
    setCia(START);
    setPersonalData(false);
    setCommon(false);
    setInterval('');
    onCreated(asset);
  });

  return (
    <form className="card form block" aria-labelledby="asset-form-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="asset-form-title">{t('assets.new')}</h2>
      <FormError error={error} fields={FIELDS} />
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
      <div className="form-row">
        <Field
          label={t('assets.reviewIntervalDays')}
          error={fieldError('reviewIntervalDays')}
          hint={t('assets.reviewIntervalHint')}
        >
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
      <label className="check">
        <input
          type="checkbox"
          name="personalData"
          checked={personalData}
          onChange={(e) => setPersonalData(e.target.checked)}
        />
        {t('assets.personalData')}
      </label>
      <label className="check">
        <input type="checkbox" name="common" checked={common} onChange={(e) => setCommon(e.target.checked)} />
        {t('assets.proposeCommon')}
      </label>
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? t('common.saving') : t('assets.create')}
        </button>
      </div>
    </form>
  );
}
