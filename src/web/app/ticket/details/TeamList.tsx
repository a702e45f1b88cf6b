import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';

/** SEC-2: the incident management team, each member with their party. */
export function TeamList({ detail }: { detail: TicketDetail }) {
  const { t } = useI18n();
  const team = detail.teamMembers ?? [];
  if (team.length === 0) return <p className="muted">{t('security.team.none')}</p>;
  return (
    <ul className="team-list" aria-label={t('security.team')}>
      {team.map((member) => (
        <li key={member.id}>
          {member.name} <span className="muted">({member.party})</span>
        </li>
      ))}
    </ul>
  );
}
