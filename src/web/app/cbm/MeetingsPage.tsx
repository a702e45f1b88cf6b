import type { Meeting, MeetingList } from '../../../contract/meetings.ts';
import { useI18n } from '../i18n.tsx';
import { href, navigate } from '../router.ts';
import { useSession } from '../session.tsx';
import { localInputToIso } from '../ui/datetime.ts';
import { FormError } from '../ui/errors.tsx';
import { useGet } from '../ui/useGet.ts';
import { useTitle } from '../ui/useTitle.ts';
import { lines, RecordForm } from './fields.tsx';

/** CBM-6: the meetings, this year's count (with the warning below three), and the scheduling form. */
export function MeetingsPage() {
  const { t, formatDate } = useI18n();
  useTitle(t('cbm.meetings.title'));
  const { user } = useSession();
  const list = useGet<MeetingList>('/meetings');
  const organises = user.roles.some((r) => ['level_manager', 'security_officer', 'party_admin'].includes(r));
  const year = list.data?.year;
  return (
    <>
      <h1 id="cbm-title">{t('cbm.meetings.title')}</h1>
      <FormError error={list.error} />
      {year && (
        <p className={year.warning ? 'cbm-warning' : undefined} role={year.warning ? 'alert' : undefined}>
          {t('cbm.meetings.count', { year: year.year, held: year.held, planned: year.planned })}
          {year.warning ? ` ${t('cbm.meetings.warning')}` : ''}
        </p>
      )}
      {list.data && list.data.items.length === 0 && <p className="empty">{t('cbm.none')}</p>}
      <ul>
        {list.data?.items.map((m) => (
          <li key={m.id}>
            <a href={href(`/meetings/${m.id}`)}>{m.title}</a>{' '}
            <span className="muted">
              {formatDate(m.startsAt)} · {m.location} · {m.organiserParty}
            </span>
          </li>
        ))}
      </ul>
      {organises && (
        <RecordForm
          title={t('cbm.meetings.schedule')}
          submit={t('cbm.meetings.schedule')}
          path="/meetings"
          fields={[
            { name: 'title', label: t('cbm.title'), required: true },
            { name: 'startsAt', label: t('cbm.meetings.startsAt'), required: true, type: 'datetime-local' },
            { name: 'location', label: t('cbm.meetings.location'), required: true },
            { name: 'agenda', label: t('cbm.meetings.agenda'), required: true, multiline: true },
            {
              name: 'participants',
              label: t('cbm.meetings.participants'),
              required: true,
              multiline: true,
              hint: t('cbm.meetings.participantsHint'),
            },
          ]}
          toBody={(v) => ({
            title: v.title ?? '',
            startsAt: localInputToIso(v.startsAt ?? '') ?? v.startsAt ?? '',
            location: v.location ?? '',
            agenda: v.agenda ?? '',
            participants: lines(v.participants).map((line) => {
              const [party = '', ...name] = line.split(/[:—-]/);
              return { party: party.trim().toUpperCase(), name: name.join(' ').trim() || party.trim() };
            }),
          })}
          onDone={(created: Meeting) => navigate(`/meetings/${created.id}`)}
        />
      )}
    </>
  );
}
