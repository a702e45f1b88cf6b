import type { PartyCalendar } from '../../../contract/services.ts';
import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { FormError } from '../ui/errors.tsx';
import { administersParty } from '../ui/roles.ts';
import { useGet } from '../ui/useGet.ts';
import { VersionForm } from './VersionForm.tsx';
import { VersionList } from './VersionList.tsx';
import { nextDay, todayIn } from './weekly.ts';

/** A party's business calendar (SLA-3): time zone, holiday region, versions; its admins add versions. */
export function CalendarSection({ party }: { party: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const {
    data: calendar,
    error,
    loading,
    setData,
  } = useGet<PartyCalendar>(`/parties/${encodeURIComponent(party)}/calendar`);
  const [added, setAdded] = useState<number | null>(null);
  const [formKey, setFormKey] = useState(0);

  if (!calendar) {
    return (
      <section className="card block" aria-labelledby="calendar-title" aria-busy={loading}>
        <h2 id="calendar-title">{t('calendar.business', { party })}</h2>
        {loading ? <p role="status">{t('common.loading')}</p> : <FormError error={error} />}
      </section>
    );
  }

  const today = todayIn(calendar.timeZone);
  const latest = [...calendar.versions].sort((a, b) => b.version - a.version)[0];
  return (
    <section className="card block" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('calendar.business', { party })}</h2>
      <dl className="facts__meta">
        <dt>{t('calendar.timeZone')}</dt>
        <dd>{calendar.timeZone}</dd>
        <dt>{t('calendar.region')}</dt>
        <dd>{calendar.region ? `${calendar.country}-${calendar.region}` : calendar.country}</dd>
        <dt>{t('calendar.warnPct')}</dt>
        <dd>{t('calendar.warnPctValue', { pct: calendar.warnPct })}</dd>
      </dl>
      {added !== null && (
        <p className="alert alert--success" role="status">
          {t('calendar.added', { version: added })}
        </p>
      )}
      <VersionList versions={calendar.versions} today={today} />
      {administersParty(user, party) && (
        <VersionForm
          key={formKey}
          calendar={calendar}
          latest={latest}
          earliest={nextDay(today)}
          onAdded={(next) => {
            setData(next);
            setAdded(Math.max(...next.versions.map((v) => v.version)));
            setFormKey((k) => k + 1);
          }}
        />
      )}
    </section>
  );
}
