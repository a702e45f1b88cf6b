import type { Sort } from './filters.ts';

interface Props {
  keyName: 'priority' | 'createdAt' | 'updatedAt' | 'slaDueAt';
  label: string;
  sort: Sort;
  onSort(sort: Sort): void;
}

/** A column header that sorts the queue; a second press reverses the order (SLA due time: soonest first only). */
export function SortHeader({ keyName, label, sort, onSort }: Props) {
  const active = sort.replace('-', '') === keyName;
  const descending = sort.startsWith('-');
  // Priority starts with P1 first, the SLA due time with the soonest; other dates with the newest first.
  const reversed = keyName === 'slaDueAt' ? keyName : (`-${keyName}` as const);
  const first: Sort = keyName === 'priority' || keyName === 'slaDueAt' ? keyName : reversed;
  const next: Sort = keyName === 'slaDueAt' ? keyName : active ? (descending ? keyName : reversed) : first;
  return (
    <th scope="col" aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(next)}>
        {label}
        <span aria-hidden="true" className="sort-indicator">
          {active ? (descending ? '▼' : '▲') : '↕'}
        </span>
      </button>
    </th>
  );
}
