import type { TicketLink } from '../../../contract/schemas.ts';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { StatusBadge } from '../ui/badges.tsx';

/** Linked tickets (recurrences, security incidents…), each a link to its page. */
export function LinksList({ links }: { links: TicketLink[] }) {
  const { t } = useI18n();
  if (links.length === 0) return null;
  return (
    <section className="card block" aria-labelledby="links-title">
      <h2 id="links-title">{t('ticket.links')}</h2>
      <ul className="links">
        {links.map((link) => (
          <li key={`${link.kind}-${link.direction}-${link.ticket.id}`}>
            <span className="link-kind">{t(`link.${link.kind}.${link.direction}`)}</span>{' '}
            <a href={href(`/tickets/${link.ticket.ref}`)} className="mono">
              {link.ticket.ref}
            </a>{' '}
            <span>{link.ticket.title}</span> <StatusBadge status={link.ticket.status} />
          </li>
        ))}
      </ul>
    </section>
  );
}
