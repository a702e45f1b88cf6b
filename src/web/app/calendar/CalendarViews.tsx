import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { FormError } from '../ui/errors.tsx';
import { RadioSwitch } from '../ui/RadioSwitch.tsx';
import { CalendarEntry } from './CalendarEntry.tsx';
import {
  CALENDAR_VIEWS,
  dayKey,
  onDay,
  shiftAnchor,
  startOfDay,
  viewDays,
  viewRange,
  type CalendarView,
} from './periods.ts';
import type { CalendarItem } from './calendarItems.ts';
import { useCalendarItems } from './useCalendarItems.ts';

const itemsOn = (items: CalendarItem[], day: Date) => items.filter((item) => onDay(day, item.start, item.end));

/**
 * COL-5: a party's calendar by month or by week: maintenance and joint windows, changes and
 * releases (joint window or not), expert meetings and contacts to confirm, each linked to its page.
 * The same items as the party's iCalendar feed.
 */
export function CalendarViews({ party }: { party: string }) {
  const { t, lang } = useI18n();
  const [view, setView] = useState<CalendarView>('month');
  const [anchor, setAnchor] = useState(() => startOfDay(new Date()));
  const days = viewDays(view, anchor);
  const { from, to } = viewRange(view, anchor);
  const { items, loading, error, loaded } = useCalendarItems(party, from, to);

  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  const dayFormat = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' });
  const timeFormat = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const period =
    view === 'month'
      ? new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(anchor)
      : t('calendar.weekOf', { from: dayFormat.format(days[0]!), to: dayFormat.format(days[6]!) });
  const today = dayKey(new Date());
  // Hours of an item on one day: from its start (or midnight) to its end (or the next midnight).
  const hours = (item: CalendarItem, day: Date) => {
    if (!item.end) return t('calendar.allDay');
    const starts = item.start > day ? timeFormat.format(item.start) : '00:00';
    const ends = dayKey(item.end) === dayKey(day) ? timeFormat.format(item.end) : '24:00';
    return `${starts}–${ends}`;
  };

  return (
    <section className="card block" aria-labelledby="calendar-views-title" aria-busy={loading}>
      <h2 id="calendar-views-title">{t('calendar.views.title')}</h2>
      <div className="cal-toolbar">
        <RadioSwitch
          legend={t('calendar.view')}
          name="calendar-view"
          options={CALENDAR_VIEWS}
          value={view}
          label={(v) => t(`calendar.view.${v}`)}
          onChange={setView}
        />
        <div className="cal-toolbar__nav" role="group" aria-label={t('calendar.navigate')}>
          <button type="button" className="btn btn--small" onClick={() => setAnchor(shiftAnchor(view, anchor, -1))}>
            {t(`calendar.prev.${view}`)}
          </button>
          <button type="button" className="btn btn--small" onClick={() => setAnchor(startOfDay(new Date()))}>
            {t('calendar.today')}
          </button>
          <button type="button" className="btn btn--small" onClick={() => setAnchor(shiftAnchor(view, anchor, 1))}>
            {t(`calendar.next.${view}`)}
          </button>
        </div>
      </div>
      <h3 className="cal-period" aria-live="polite">
        {period}
      </h3>
      <FormError error={error} />
      {view === 'month' ? (
        <div className="table-wrap">
          <table className="cal-month">
            <caption className="visually-hidden">{period}</caption>
            <thead>
              <tr>
                {days.slice(0, 7).map((day) => (
                  <th key={day.getDay()} scope="col">
                    <abbr title={new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(day)}>
                      {new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(day)}
                    </abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: days.length / 7 }, (_, week) => (
                <tr key={week}>
                  {days.slice(week * 7, week * 7 + 7).map((day) => (
                    <td
                      key={dayKey(day)}
                      className={day.getMonth() === anchor.getMonth() ? 'cal-day' : 'cal-day cal-day--other'}
                      aria-current={dayKey(day) === today ? 'date' : undefined}
                    >
                      <time className="cal-day__number" dateTime={dayKey(day)}>
                        <span aria-hidden="true">{day.getDate()}</span>
                        <span className="visually-hidden">{dayFormat.format(day)}</span>
                      </time>
                      {itemsOn(items, day).length > 0 && (
                        <ul className="cal-items">
                          {itemsOn(items, day).map((item) => (
                            <CalendarEntry key={item.id} item={item} />
                          ))}
                        </ul>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <ol className="cal-week">
          {days.map((day) => (
            <li key={dayKey(day)} className="cal-week__day" aria-current={dayKey(day) === today ? 'date' : undefined}>
              <h4>
                <time dateTime={dayKey(day)}>{dayFormat.format(day)}</time>
              </h4>
              {itemsOn(items, day).length === 0 ? (
                <p className="muted">{t('calendar.free')}</p>
              ) : (
                <ul className="cal-items">
                  {itemsOn(items, day).map((item) => (
                    <CalendarEntry key={item.id} item={item} time={hours(item, day)} />
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {loaded && items.length === 0 && <p className="empty">{t('calendar.nothing')}</p>}
    </section>
  );
}
