import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { PartySelect } from '../ui/PartySelect.tsx';
import { useTitle } from '../ui/useTitle.ts';
import { CalendarFeed } from './CalendarFeed.tsx';
import { CalendarSection } from './CalendarSection.tsx';
import { CalendarViews } from './CalendarViews.tsx';
import { MaintenanceSection } from './MaintenanceSection.tsx';
import { OutagesSection } from './OutagesSection.tsx';
import { CooperationSection } from './CooperationSection.tsx';
import { PlannedWorkSection } from './PlannedWorkSection.tsx';

/** A party's month and week views, its business calendars and outages, and every party's maintenance windows (SLA-3, SLA-6, COL-5). */
export function CalendarPage() {
  const { t } = useI18n();
  const { user } = useSession();
  useTitle(t('calendar.title'));
  const [party, setParty] = useState(user.party);

  return (
    <section className="page" aria-labelledby="calendar-page-title">
      <h1 id="calendar-page-title">{t('calendar.title')}</h1>
      <form className="filters" role="search" aria-label={t('calendar.choose')} onSubmit={(e) => e.preventDefault()}>
        <PartySelect value={party} onChange={setParty} />
      </form>
      <CalendarViews key={`views-${party}`} party={party} />
      <CalendarSection key={`calendar-${party}`} party={party} />
      <MaintenanceSection />
      <PlannedWorkSection />
      <CooperationSection />
      <CalendarFeed />
      <OutagesSection key={`outages-${party}`} party={party} />
    </section>
  );
}
