import type { CbmArea } from '../router.ts';
import { CbmNav } from './CbmNav.tsx';
import { ContactsPage } from './ContactsPage.tsx';
import { ExchangeDetail } from './ExchangeDetail.tsx';
import { ExchangesPage } from './ExchangesPage.tsx';
import { GlossaryPage } from './GlossaryPage.tsx';
import { MeetingDetail } from './MeetingDetail.tsx';
import { MeetingsPage } from './MeetingsPage.tsx';
import { TermDetail } from './TermDetail.tsx';
import { VulnerabilitiesPage } from './VulnerabilitiesPage.tsx';
import { VulnerabilityDetail } from './VulnerabilityDetail.tsx';

function Body({ area, id }: { area: CbmArea; id: string }) {
  switch (area) {
    case 'contacts':
      return <ContactsPage />;
    case 'vulnerabilities':
      return id ? <VulnerabilityDetail id={id} /> : <VulnerabilitiesPage />;
    case 'glossary':
      return id ? <TermDetail id={id} /> : <GlossaryPage />;
    case 'exchanges':
      return id ? <ExchangeDetail id={id} /> : <ExchangesPage />;
    case 'meetings':
      return id ? <MeetingDetail id={id} /> : <MeetingsPage />;
  }
}

/** The cooperation pages between the parties: one list, detail and form per area. */
export function CbmPage({ area, id }: { area: CbmArea; id: string }) {
  return (
    <section className="page" aria-labelledby="cbm-title">
      <CbmNav current={area} />
      <Body area={area} id={id} />
    </section>
  );
}
