import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import type { CalendarItem } from './calendarItems.ts';

/** One item of a day: its kind (read out, a colour on screen), its hours in the week view, a link to its page. */
export function CalendarEntry({ item, time }: { item: CalendarItem; time?: string }) {
  const { t } = useI18n();
  const kind = t(`calendar.kind.${item.kind}`);
  const title = item.tentative ? `${item.title} (${t('calendar.tentative')})` : item.title;
  return (
    <li className={`cal-item cal-item--${item.kind}${item.tentative ? ' cal-item--tentative' : ''}`}>
      {time ? (
        <span className="cal-item__kind">
          {kind} · {time}
        </span>
      ) : (
        <span className="visually-hidden">{kind}: </span>
      )}{' '}
      {item.path ? <a href={href(item.path)}>{title}</a> : <span>{title}</span>}
    </li>
  );
}
