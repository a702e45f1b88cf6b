import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { Field } from '../../ui/Field.tsx';
import { useDraftField } from '../../ui/form/drafts.ts';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';
import { useDirectory } from './useDirectory.ts';

/** Assign to a group of the holding party and, optionally, one of its members. */
export function AssignForm({ detail, ...props }: ActionFormProps & { detail: TicketDetail }) {
  const { t } = useI18n();
  const { parties, users, loaded } = useDirectory();
  const groups = parties.find((p) => p.id === detail.holderParty)?.groups ?? [];
  const [groupId, setGroupId] = useDraftField('groupId', detail.group?.id ?? '');
  const [assigneeId, setAssigneeId] = useDraftField('assigneeId', detail.assignee?.id ?? '');
  const chosenGroup = groupId || groups[0]?.id || '';
  const members = users.filter((u) => u.groupIds.includes(chosenGroup));

  function body() {
    const assignee = members.some((m) => m.id === assigneeId) ? assigneeId : '';
    return { groupId: chosenGroup, ...(assignee ? { assigneeId: assignee } : {}) };
  }

  return (
    <ActionForm action="assign" body={body} {...props}>
      <Field label={t('action.assign.group')} required name="groupId">
        {(c) => (
          <select
            {...c}
            name="groupId"
            required
            value={chosenGroup}
            disabled={!loaded}
            onChange={(e) => setGroupId(e.target.value)}
          >
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('action.assign.assignee')} name="assigneeId">
        {(c) => (
          <select
            {...c}
            name="assigneeId"
            value={members.some((m) => m.id === assigneeId) ? assigneeId : ''}
            disabled={!loaded}
            onChange={(e) => setAssigneeId(e.target.value)}
          >
            <option value="">{t('action.assign.nobody')}</option>
            {members.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName}
              </option>
            ))}
          </select>
        )}
      </Field>
    </ActionForm>
  );
}
