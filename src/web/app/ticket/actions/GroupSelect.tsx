import type { Party } from '../../../../contract/directory.ts';
import { Field } from '../../ui/Field.tsx';
import { useDraftField } from '../../ui/form/drafts.ts';

type Group = Party['groups'][number];

/** The group a ticket is handed to, among `groups` (the first one until another is chosen), kept in the form's draft. */
export function useGroupChoice(groups: readonly Group[], initial: string) {
  const [groupId, setGroupId] = useDraftField('groupId', initial);
  return { groups, value: groupId || groups[0]?.id || '', set: setGroupId };
}

/** The select of a group of the holding party (assign, functional escalation). */
export function GroupSelect({
  label,
  choice,
  loaded,
}: {
  label: string;
  choice: ReturnType<typeof useGroupChoice>;
  loaded: boolean;
}) {
  return (
    <Field label={label} required name="groupId">
      {(c) => (
        <select
          {...c}
          name="groupId"
          required
          value={choice.value}
          disabled={!loaded}
          onChange={(e) => choice.set(e.target.value)}
        >
          {choice.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
