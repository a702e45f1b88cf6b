import type { ImtRoster } from '../../../contract/security.ts';
import { useI18n } from '../i18n.tsx';
import { useTaxonomy } from '../security/useTaxonomy.ts';
import { useSession } from '../session.tsx';
import { useDirectory } from '../ticket/actions/useDirectory.ts';
import { FormError } from '../ui/errors.tsx';
import { useGet } from '../ui/useGet.ts';
import { ImtRosterRow } from './ImtRosterRow.tsx';

const IMT_ROLES = ['imt_member', 'security_officer'];

/** SEC-2: the party's incident management team per event type, taken by "use the roster" when a team is formed. */
export function ImtRostersSection() {
  const { t } = useI18n();
  const { user } = useSession();
  const taxonomy = useTaxonomy();
  const { users } = useDirectory();
  const rosters = useGet<{ items: ImtRoster[] }>(`/parties/${user.party}/imt-rosters`);
  // `GET /users` does not carry roles today: everyone of the party is offered then.
  const candidates = users.filter((u) => !u.roles || u.roles.some((r) => IMT_ROLES.includes(r)));
  const membersOf = (eventType: string) => rosters.data?.items.find((r) => r.eventType === eventType)?.members ?? [];

  return (
    <section className="card block" aria-labelledby="rosters-title">
      <h2 id="rosters-title">{t('rosters.title')}</h2>
      <p className="muted">{t('rosters.intro')}</p>
      <FormError error={rosters.error} />
      {rosters.data &&
        taxonomy.classes.map((k) => (
          <ImtRosterRow
            key={k.value}
            party={user.party}
            eventType={k.value}
            label={taxonomy.classLabel(k.value)}
            members={membersOf(k.value)}
            users={candidates}
            onSaved={() => void rosters.reload()}
          />
        ))}
    </section>
  );
}
