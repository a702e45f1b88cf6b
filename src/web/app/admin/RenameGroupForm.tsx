import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormShell } from '../ui/form/FormShell.tsx';
import { TextField } from '../ui/form/inputs.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';

interface Props {
  party: string;
  group: { id: string; name: string };
  onDone(renamed: boolean): void;
}

/** PARTY-1: a party administrator renames one of the party's groups (audited by the server). */
export function RenameGroupForm({ party, group, onDone }: Props) {
  const { t } = useI18n();
  const [name, setName] = useState(group.name);
  const form = useFormSubmit(async () => {
    await api.patch(`/parties/${party}/groups/${group.id}`, { name: name.trim() });
    onDone(true);
  });
  return (
    <FormShell
      className="form block"
      title={t('admin.renameGroupTitle', { name: group.name })}
      level={3}
      onSubmit={form.send}
      error={form.error}
      busy={form.busy}
      submitLabel={t('admin.renameGroupSubmit')}
      onCancel={() => onDone(false)}
      cancelLabel={t('common.cancel')}
      cancelOnEscape
    >
      <TextField name="name" label={t('admin.groupName')} required maxLength={120} value={name} onChange={setName} />
    </FormShell>
  );
}
