import type { TrustedCa } from '../../../contract/security.ts';
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormShell } from '../ui/form/FormShell.tsx';
import { TextField } from '../ui/form/inputs.tsx';
import { useTextFields } from '../ui/form/useTextFields.ts';
import { useFormSubmit } from '../ui/useFormSubmit.ts';

/** ISM-7: a party administrator puts a CA certificate (PEM) on the list; their party trusts it from then on. */
export function TrustedCaForm({ onAdded }: { onAdded(ca: TrustedCa): void }) {
  const { t } = useI18n();
  const text = useTextFields({ name: '', pem: '' });
  const [added, setAdded] = useState<string | null>(null);
  const form = useFormSubmit(async () => {
    setAdded(null);
    const ca = await api.post<TrustedCa>('/trusted-cas', text.trimmed());
    text.reset();
    setAdded(ca.name);
    onAdded(ca);
  });

  return (
    <FormShell
      className="form block"
      title={t('certificates.addCa')}
      level={3}
      onSubmit={form.send}
      error={form.error}
      busy={form.busy}
      submitLabel={t('certificates.addCaSubmit')}
      status={
        added && (
          <p className="alert alert--success" role="status">
            {t('certificates.caAdded', { name: added })}
          </p>
        )
      }
    >
      <TextField label={t('certificates.caName')} required maxLength={200} {...text.field('name')} />
      <PemField label={t('certificates.caPem')} hint={t('certificates.caPemHint')} {...text.field('pem')} />
    </FormShell>
  );
}

/** A PEM text area (monospace, six rows). */
export function PemField(props: { label: string; hint: string; value: string; onChange(value: string): void }) {
  return <TextField required mono rows={6} {...props} name="pem" />;
}
