import type { ImtRoster } from '../../../contract/security.ts';
import type { DirectoryUser } from '../../../contract/directory.ts';
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { InlineError } from '../ui/errors.tsx';
import { Checks } from '../ui/form/inputs.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';

interface Props {
  party: string;
  eventType: string;
  label: string;
  members: string[];
  users: DirectoryUser[];
  onSaved(members: string[]): void;
}

/** SEC-2: the team named for one event type (a taxonomy class). */
export function ImtRosterRow({ party, eventType, label, members: initial, users, onSaved }: Props) {
  const { t } = useI18n();
  const [members, setMembers] = useState(initial);
  const [saved, setSaved] = useState(false);
  const changed = members.length !== initial.length || members.some((m) => !initial.includes(m));
  const {
    busy,
    error,
    send: save,
  } = useFormSubmit(async () => {
    setSaved(false);
    const result = await api.put<ImtRoster>(`/parties/${party}/imt-rosters/${encodeURIComponent(eventType)}`, {
      members,
    });
    onSaved(result.members);
    setSaved(true);
  });

  return (
    <fieldset className="checklist-fieldset">
      <legend>{label}</legend>
      <div>
        <Checks
          options={users.map((u) => u.id)}
          value={members}
          label={(id) => users.find((u) => u.id === id)?.displayName}
          onChange={setMembers}
        />
      </div>
      <div>
        <button type="button" className="btn" disabled={busy || !changed} onClick={save}>
          {t('rosters.save', { type: label })}
        </button>
        {saved && (
          <span role="status" className="muted">
            {' '}
            {t('rosters.saved')}
          </span>
        )}
      </div>
      <InlineError error={error} />
    </fieldset>
  );
}
