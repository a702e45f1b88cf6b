import { choiceOf } from '../ui/form/inputs.tsx';
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import type { Party } from '../../../contract/directory.ts';
import { Field } from '../ui/Field.tsx';
import { FormError } from '../ui/errors.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';
import { useGet } from '../ui/useGet.ts';
import type { Account } from './adminTypes.ts';
import { RenameGroupForm } from './RenameGroupForm.tsx';

/** The party's groups, their members, and new groups. */
export function GroupsSection({ party }: { party: string }) {
  const { t } = useI18n();
  const parties = useGet<{ items: Party[] }>('/parties');
  const accounts = useGet<{ items: Account[] }>(`/parties/${party}/accounts`);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'resolver' | 'level'>('resolver');
  const [pick, setPick] = useState<Record<string, string>>({});
  const [actionError, setActionError] = useState<unknown>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const groups = parties.data?.items.find((p) => p.id === party)?.groups ?? [];
  const create = useFormSubmit(async () => {
    await api.post(`/parties/${party}/groups`, { name, kind });
    setName('');
    await parties.reload();
  });
  async function member(groupId: string, userId: string, add: boolean) {
    setActionError(null);
    try {
      const path = `/parties/${party}/groups/${groupId}/members/${userId}`;
      await (add ? api.put(path, {}) : api.del(path));
      await accounts.reload();
    } catch (caught) {
      setActionError(caught);
    }
  }
  return (
    <section className="card block" aria-labelledby="groups-title">
      <h2 id="groups-title">{t('admin.groups')}</h2>
      <FormError error={actionError} />
      {groups.map((g) => {
        const members = accounts.data?.items.filter((a) => a.groupIds.includes(g.id)) ?? [];
        const others = accounts.data?.items.filter((a) => a.active && !a.groupIds.includes(g.id)) ?? [];
        return (
          <div key={g.id} className="block">
            <h3>
              {g.name} <span className="tag">{t(`admin.groupKind.${g.kind}`)}</span>{' '}
              {renaming !== g.id && (
                <button
                  type="button"
                  className="btn btn--small"
                  aria-label={t('admin.renameGroupTitle', { name: g.name })}
                  onClick={() => setRenaming(g.id)}
                >
                  {t('admin.renameGroup')}
                </button>
              )}
            </h3>
            {renaming === g.id && (
              <RenameGroupForm
                party={party}
                group={g}
                onDone={(renamed) => {
                  setRenaming(null);
                  if (renamed) void parties.reload();
                }}
              />
            )}
            <ul>
              {members.map((m) => (
                <li key={m.id}>
                  {m.displayName} <span className="mono">({m.username})</span>{' '}
                  <button type="button" className="btn btn--small" onClick={() => void member(g.id, m.id, false)}>
                    {t('admin.removeMember')}
                  </button>
                </li>
              ))}
            </ul>
            <label>
              {t('admin.addMember')}{' '}
              <select value={pick[g.id] ?? ''} onChange={(e) => setPick((p) => ({ ...p, [g.id]: e.target.value }))}>
                <option value="">—</option>
                {others.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.displayName} ({a.username})
                  </option>
                ))}
              </select>
            </label>{' '}
            <button
              type="button"
              className="btn btn--small"
              disabled={!pick[g.id]}
              onClick={() => void member(g.id, pick[g.id]!, true)}
            >
              {t('admin.add')}
            </button>
          </div>
        );
      })}
      <form onSubmit={(e) => void create.submit(e)} aria-labelledby="new-group-title" noValidate>
        <h3 id="new-group-title">{t('admin.newGroup')}</h3>
        <FormError error={create.error} fields={['name']} />
        <Field label={t('admin.groupName')} error={create.fieldError('name')} required>
          {(c) => <input {...c} name="groupName" required value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label={t('admin.groupKindLabel')}>
          {(c) => (
            <select
              {...c}
              value={kind}
              onChange={(e) => setKind(choiceOf(['resolver', 'level'] as const, e.target.value, kind))}
            >
              <option value="resolver">{t('admin.groupKind.resolver')}</option>
              <option value="level">{t('admin.groupKind.level')}</option>
            </select>
          )}
        </Field>
        <button type="submit" className="btn btn--primary" disabled={create.busy}>
          {t('admin.createGroup')}
        </button>
      </form>
    </section>
  );
}
