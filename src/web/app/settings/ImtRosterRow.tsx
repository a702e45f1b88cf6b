import type { ImtRoster } from '../../../contract/security.ts';
import type { DirectoryUser } from '../../../contract/directory.ts';
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { InlineError } from '../ui/errors.tsx';

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const changed = members.length !== initial.length || members.some((m) => !initial.includes(m));

  async function save() {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const result = await api.put<ImtRoster>(`/parties/${party}/imt-rosters/${encodeURIComponent(eventType)}`, {
        members,
      });
      onSaved(result.members);
      setSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset className="checklist-fieldset">
      <legend>{label}</legend>
      <div>
        {users.map((u) => (
          <label key={u.id} className="check">
            <input
              type="checkbox"
              checked={members.includes(u.id)}
              onChange={(e) => setMembers((m) => (e.target.checked ? [...m, u.id] : m.filter((x) => x !== u.id)))}
            />
            {u.displayName}
          </label>
        ))}
      </div>
      <div>
        <button type="button" className="btn" disabled={busy || !changed} onClick={() => void save()}>
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
