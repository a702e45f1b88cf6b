import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { useSession } from '../../session.tsx';
import { useDirectory } from './useDirectory.ts';

/** The group an "assign to me" uses: the ticket's own when I am in it, else my first group of the holding party. */
export function myGroupFor(detail: TicketDetail, groupIds: readonly string[], holderGroups: readonly string[]) {
  if (detail.group && groupIds.includes(detail.group.id)) return detail.group.id;
  return holderGroups.find((id) => groupIds.includes(id)) ?? null;
}

/** One press to take a ticket: assigned to me in my group of the holding party (the `assign` action). */
export function AssignToMe({
  detail,
  busy,
  assign,
}: {
  detail: TicketDetail;
  busy: boolean;
  assign(body: Record<string, unknown>): void;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const { parties, users, loaded } = useDirectory();
  if (!loaded || detail.assignee?.id === user.id) return null;
  const mine = users.find((u) => u.id === user.id)?.groupIds ?? [];
  const holderGroups = (parties.find((p) => p.id === detail.holderParty)?.groups ?? []).map((g) => g.id);
  const groupId = myGroupFor(detail, mine, holderGroups);
  if (!groupId) return null;
  return (
    <button
      type="button"
      className="btn btn--primary"
      data-action="assign_to_me"
      disabled={busy}
      onClick={() => assign({ groupId, assigneeId: user.id })}
    >
      {t('actions.assignToMe')}
    </button>
  );
}
