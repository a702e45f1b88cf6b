import type { TicketDetail } from '../../../contract/schemas.ts';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { useSession } from '../session.tsx';

interface FollowUp {
  key: string;
  path: string;
  roles: readonly string[];
}

/** The tickets that may follow this one, prefilled: a problem from an incident, a change from its origin, a release from an approved change. */
function followUps(detail: TicketDetail): FollowUp[] {
  const ref = encodeURIComponent(detail.ref);
  // The roles that may record each type (the server checks them too).
  const change = (origin: string): FollowUp => ({
    key: 'followUp.change',
    path: `/changes/new?origin=${origin}&ticket=${ref}`,
    roles: ['agent', 'resolver', 'change_manager'],
  });
  switch (detail.type) {
    case 'incident':
      return [
        { key: 'followUp.problem', path: `/problems/new?incidents=${ref}`, roles: ['agent', 'resolver'] },
        change('incident'),
      ];
    case 'problem':
      return detail.status === 'closed' ? [] : [change('problem')];
    case 'request':
      return detail.status === 'closed' ? [] : [change('request')];
    case 'change':
      return detail.status === 'approved'
        ? [
            {
              key: 'followUp.release',
              path: `/releases/new?changes=${ref}`,
              roles: ['release_manager', 'change_manager'],
            },
          ]
        : [];
    default:
      return [];
  }
}

/** Links that open a new problem, change or release prefilled from this ticket, for the roles that create them. */
export function FollowUpLinks({ detail }: { detail: TicketDetail }) {
  const { t } = useI18n();
  const { user } = useSession();
  const links = followUps(detail).filter((link) => link.roles.some((role) => user.roles.includes(role)));
  if (links.length === 0) return null;
  return (
    <nav className="card follow-ups" aria-label={t('followUp.title')}>
      <h2>{t('followUp.title')}</h2>
      <ul className="plain-list">
        {links.map((link) => (
          <li key={link.key}>
            <a href={href(link.path)}>{t(link.key)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
