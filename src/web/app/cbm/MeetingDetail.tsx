import type { MeetingDetail as Detail } from '../../../contract/meetings.ts';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { useSession } from '../session.tsx';
import { localInputToIso } from '../ui/datetime.ts';
import { FormError } from '../ui/errors.tsx';
import { FactList } from '../ui/FactList.tsx';
import { useGet } from '../ui/useGet.ts';
import { useTitle } from '../ui/useTitle.ts';
import { lines, opt, RecordForm } from './fields.tsx';

/** CBM-6: one meeting: agenda, participants, minutes, decisions, linked exchanges and action items. */
export function MeetingDetail({ id }: { id: string }) {
  const { t, formatDate } = useI18n();
  const { user } = useSession();
  const loaded = useGet<Detail>(`/meetings/${id}`);
  const m = loaded.data;
  useTitle(m?.title ?? t('cbm.meetings.title'));
  if (!m) return <FormError error={loaded.error} />;
  const organiser = m.organiserParty === user.party;
  const done = (d: Detail) => loaded.setData(d);
  return (
    <>
      <p>
        <a href={href('/meetings')}>{t('cbm.meetings.title')}</a>
      </p>
      <h1 id="cbm-title">{m.title}</h1>
      <FactList
        facts={[
          [t('cbm.meetings.startsAt'), formatDate(m.startsAt)],
          [t('cbm.meetings.location'), m.location],
          [t('cbm.party'), m.organiserParty],
          [t('cbm.meetings.participants'), m.participants.map((p) => `${p.party}: ${p.name}`).join(', ')],
          [t('cbm.meetings.agenda'), <span className="prose">{m.agenda}</span>],
          [t('cbm.meetings.minutes'), m.minutes ? <span className="prose">{m.minutes}</span> : null],
        ]}
      />
      <h2>{t('cbm.meetings.decisions')}</h2>
      {m.decisions.length === 0 && <p className="empty">{t('cbm.none')}</p>}
      <ol>
        {m.decisions.map((d, index) => (
          <li key={index}>{d}</li>
        ))}
      </ol>
      <h2>{t('cbm.meetings.exchanges')}</h2>
      <ul>
        {m.exchanges.map((e) => (
          <li key={e.id}>
            <a href={href(`/exchanges/${e.id}`)}>{e.title}</a> ({e.party})
          </li>
        ))}
      </ul>
      <h2>{t('cbm.meetings.actions')}</h2>
      {m.actions.length === 0 && <p className="empty">{t('cbm.none')}</p>}
      <ul>
        {m.actions.map((a) => (
          <li key={a.id}>
            {a.party}: {a.description}
            {a.dueAt ? ` (${t('cbm.meetings.due')} ${formatDate(a.dueAt)})` : ''} —{' '}
            {a.doneAt
              ? `${t('cbm.meetings.done')} ${formatDate(a.doneAt)}${a.note ? `: ${a.note}` : ''}`
              : t('cbm.meetings.open')}
            {!a.doneAt && a.party === user.party && (
              <RecordForm
                title={t('cbm.meetings.complete')}
                submit={t('cbm.meetings.complete')}
                path={`/meetings/${id}/actions/${a.id}/complete`}
                fields={[{ name: 'note', label: t('cbm.meetings.note') }]}
                toBody={(v) => (opt(v.note) ? { note: opt(v.note) } : {})}
                onDone={done}
              />
            )}
          </li>
        ))}
      </ul>
      {organiser && (
        <>
          <RecordForm
            title={t('cbm.meetings.recordMinutes')}
            submit={t('cbm.meetings.recordMinutes')}
            path={`/meetings/${id}/minutes`}
            initial={{ minutes: m.minutes ?? '', decisions: m.decisions.join('\n') }}
            fields={[
              { name: 'minutes', label: t('cbm.meetings.minutes'), required: true, multiline: true },
              { name: 'decisions', label: t('cbm.meetings.decisions'), multiline: true, hint: t('cbm.onePerLine') },
              { name: 'exchangeIds', label: t('cbm.meetings.exchangeIds'), multiline: true, hint: t('cbm.onePerLine') },
            ]}
            toBody={(v) => ({
              minutes: v.minutes ?? '',
              decisions: lines(v.decisions),
              exchangeIds: lines(v.exchangeIds),
              version: m.version,
            })}
            onDone={done}
          />
          <RecordForm
            title={t('cbm.meetings.addAction')}
            submit={t('cbm.meetings.addAction')}
            path={`/meetings/${id}/actions`}
            initial={{ party: user.party }}
            fields={[
              { name: 'description', label: t('cbm.description'), required: true, multiline: true },
              { name: 'party', label: t('cbm.party'), required: true },
              { name: 'dueAt', label: t('cbm.meetings.due'), type: 'datetime-local' },
            ]}
            toBody={(v) => ({
              description: v.description ?? '',
              party: (v.party ?? '').toUpperCase(),
              ...(opt(v.dueAt) ? { dueAt: localInputToIso(v.dueAt!) ?? v.dueAt } : {}),
            })}
            onDone={done}
          />
        </>
      )}
    </>
  );
}
