import type { Asset } from '../../../contract/security.ts';
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormShell } from '../ui/form/FormShell.tsx';
import { CheckField } from '../ui/form/inputs.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';
import { AssetFields, assetBody, type AssetValues } from './AssetFields.tsx';

const START: AssetValues = {
  name: '',
  owner: '',
  description: '',
  cia: { confidentiality: 'LOW', integrity: 'LOW', availability: 'LOW' },
  personalData: false,
  interval: '',
};

/** ISM-1: registers an asset of the user's party, or proposes a common one to the other parties. */
export function AssetForm({ onCreated }: { onCreated(asset: Asset): void }) {
  const { t } = useI18n();
  const [value, setValue] = useState<AssetValues>(START);
  const [common, setCommon] = useState(false);
  const form = useFormSubmit(async () => {
    const description = value.description.trim();
    const asset = await api.post<Asset>('/assets', {
      ...assetBody(value),
      ...(description ? { description } : {}),
      common,
    });
    setValue(START);
    setCommon(false);
    onCreated(asset);
  });

  return (
    <FormShell
      className="card form block"
      title={t('assets.new')}
      onSubmit={form.send}
      error={form.error}
      busy={form.busy}
      submitLabel={t('assets.create')}
    >
      <AssetFields value={value} onChange={setValue} />
      <CheckField name="common" label={t('assets.proposeCommon')} checked={common} onChange={setCommon} />
    </FormShell>
  );
}
