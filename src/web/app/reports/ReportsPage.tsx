import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { Field } from '../ui/Field.tsx';
import { PartySelect } from '../ui/PartySelect.tsx';
import { useTitle } from '../ui/useTitle.ts';
import { AvailabilitySection } from './AvailabilitySection.tsx';
import { ComplianceSection } from './ComplianceSection.tsx';
import { currentMonth, previousMonth } from './format.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Monthly service-level reports of a party: GTI compliance (SLA-5) and availability (SLA-6). */
export function ReportsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  useTitle(t('report.title'));
  const [party, setParty] = useState(user.party);
  const [month, setMonth] = useState(previousMonth);
  // While the month is being typed, the reports keep the last complete value.
  const [shown, setShown] = useState(month);

  function changeMonth(value: string) {
    setMonth(value);
    if (MONTH.test(value)) setShown(value);
  }

  return (
    <section className="page" aria-labelledby="reports-title">
      <h1 id="reports-title">{t('report.title')}</h1>
      <form
        className="filters filters--top"
        role="search"
        aria-label={t('report.choose')}
        onSubmit={(e) => e.preventDefault()}
      >
        <PartySelect value={party} onChange={setParty} />
        <Field label={t('report.month')} hint={t('report.monthHint')}>
          {(c) => (
            <input
              {...c}
              type="month"
              name="month"
              required
              max={currentMonth()}
              value={month}
              onChange={(e) => changeMonth(e.target.value)}
            />
          )}
        </Field>
      </form>
      <ComplianceSection party={party} month={shown} />
      <AvailabilitySection party={party} month={shown} />
    </section>
  );
}
