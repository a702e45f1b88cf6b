import type { Asset } from '../../../contract/security.ts';
import { useI18n } from '../i18n.tsx';
import { CheckField, TextField } from '../ui/form/inputs.tsx';
import { CiaSelects, type CiaValues } from './CiaSelects.tsx';

/** What a form on one asset of the inventory is given: the asset, and what to do once sent or cancelled. */
export interface AssetFormProps {
  asset: Asset;
  onDone(asset: Asset): void;
  onCancel(): void;
}

export interface AssetValues {
  name: string;
  owner: string;
  description: string;
  cia: CiaValues;
  personalData: boolean;
  interval: string;
}

/** The fields an asset is registered and edited with (ISM-1, ISM-2). */
export function AssetFields({ value, onChange }: { value: AssetValues; onChange(value: AssetValues): void }) {
  const { t } = useI18n();
  const set =
    <K extends keyof AssetValues>(key: K) =>
    (v: AssetValues[K]) =>
      onChange({ ...value, [key]: v });
  return (
    <>
      <div className="form-row">
        <TextField
          name="name"
          label={t('assets.name')}
          className="grow"
          required
          maxLength={200}
          value={value.name}
          onChange={set('name')}
        />
        <TextField
          name="owner"
          label={t('assets.owner')}
          required
          maxLength={200}
          value={value.owner}
          onChange={set('owner')}
        />
        <TextField
          name="reviewIntervalDays"
          label={t('assets.reviewIntervalDays')}
          hint={t('assets.reviewIntervalHint')}
          type="number"
          min="1"
          value={value.interval}
          onChange={set('interval')}
        />
      </div>
      <TextField
        name="description"
        label={t('assets.description')}
        rows={2}
        value={value.description}
        onChange={set('description')}
      />
      <CiaSelects value={value.cia} onChange={set('cia')} />
      <CheckField
        name="personalData"
        label={t('assets.personalData')}
        checked={value.personalData}
        onChange={set('personalData')}
      />
    </>
  );
}

/** The body fields the asset values give (an unparsable interval is left to the server's default). */
export function assetBody(value: AssetValues) {
  const days = Number.parseInt(value.interval, 10);
  return {
    name: value.name.trim(),
    owner: value.owner.trim(),
    ...value.cia,
    personalData: value.personalData,
    ...(Number.isFinite(days) ? { reviewIntervalDays: days } : {}),
  };
}
