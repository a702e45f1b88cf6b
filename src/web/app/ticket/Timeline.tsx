import type { TimelineEntry } from '../../../contract/schemas.ts';
import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { RadioSwitch } from '../ui/RadioSwitch.tsx';
import { EventBody } from './EventBody.tsx';
import { shownItem, TIMELINE_FILTERS, timelineItems, type TimelineFilter } from './timelineItems.ts';

/** The ticket's history, oldest first (newest last), one item per action; internal entries are marked. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, formatDate } = useI18n();
  const [show, setShow] = useState<TimelineFilter>('all');
  const items = timelineItems(entries).filter((item) => shownItem(item, show));
  // A kind this console does not know yet still reads as words.
  const kindLabel = (kind: string) => {
    const label = t(`event.${kind}`);
    return label === `event.${kind}` ? kind.replace(/_/g, ' ') : label;
  };
  return (
    <section className="card block" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <RadioSwitch
        className="timeline__filter"
        legend={t('timeline.show')}
        name="timeline-filter"
        options={TIMELINE_FILTERS}
        value={show}
        label={(f) => t(`timeline.show.${f}`)}
        onChange={setShow}
      />
      <ol className="timeline" aria-labelledby="timeline-title">
        {items.map(({ lead: entry, statusChanges }) => (
          <li
            key={entry.id}
            className={`timeline__item timeline__item--${entry.kind}${entry.visibility === 'internal' ? ' timeline__item--internal' : ''}`}
          >
            <div className="timeline__meta">
              <span className="timeline__kind">{kindLabel(entry.kind)}</span>
              <span className="timeline__actor">{entry.actor.name}</span>
              <span className="tag">{entry.party}</span>
              <time dateTime={entry.createdAt}>{formatDate(entry.createdAt)}</time>
              {entry.visibility === 'internal' && (
                <span className="badge badge--internal">{t('timeline.internal')}</span>
              )}
            </div>
            <EventBody entry={entry} />
            {statusChanges.map((change) => (
              <div key={change.id} className="timeline__detail">
                <EventBody entry={change} />
              </div>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
