import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { useTitle } from '../ui/useTitle.ts';
import { AccessRequestsSection } from './AccessRequestsSection.tsx';
import { AccountsSection } from './AccountsSection.tsx';
import { ContactsSection } from './ContactsSection.tsx';
import { GroupsSection } from './GroupsSection.tsx';
import { SsoSection } from './SsoSection.tsx';

/** ISM-6 / PARTY-1 / IF-4: the party administrator's page; every change is made and audited by the server. */
export function AdminPage() {
  const { t } = useI18n();
  const { user } = useSession();
  useTitle(t('admin.title', { party: user.party }));
  // A granted request changes the accounts: the list is loaded again.
  const [granted, setGranted] = useState(0);
  return (
    <section className="page" aria-labelledby="admin-title">
      <h1 id="admin-title">{t('admin.title', { party: user.party })}</h1>
      <AccountsSection key={granted} party={user.party} />
      <AccessRequestsSection party={user.party} onGranted={() => setGranted((n) => n + 1)} />
      <GroupsSection party={user.party} />
      <ContactsSection party={user.party} />
      <SsoSection party={user.party} />
    </section>
  );
}
