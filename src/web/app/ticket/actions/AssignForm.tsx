import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { Field } from '../../ui/Field.tsx';
import { useDraftField } from '../../ui/form/drafts.ts';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';
import { GroupSelect, useGroupChoice } from './GroupSelect.tsx';
import { useDirectory } from './useDirectory.ts';

/** Assign to a group of the holding party and, optionally, one of its members. */
export function AssignForm({ detail, ...props }: ActionFormProps & { detail: TicketDetail }) {
  const { t } = useI18n();
  const { parties, users, loaded } = useDirectory();
  const groups = parties.find((p) => p.id === detail.holderParty)?.groups ?? [];
  const group = useGroupChoice(groups, detail.group?.id ?? '');
  const [assigneeId, setAssigneeId] = useDraftField('assigneeId', detail.assignee?.id ?? '');
  const members = users.filter((u) => u.groupIds.includes(group.value));

  function body() {
    const assignee = members.some((m) => m.id === assigneeId) ? assigneeId : '';
    return { groupId: group.value, ...(assignee ? { assigneeId: assignee } : {}) };
  }

  return (
    <ActionForm action="assign" body={body} {...props}>
      <GroupSelect label={t('action.assign.group')} choice={group} loaded={loaded} />
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
