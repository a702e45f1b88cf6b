import type { Sort } from './filters.ts';

interface Props {
  keyName: 'priority' | 'createdAt' | 'updatedAt';
  label: string;
  sort: Sort;
  onSort(sort: Sort): void;
}

/** A column header that sorts the queue; a second press reverses the order. */
export function SortHeader({ keyName, label, sort, onSort }: Props) {
  const active = sort.replace('-', '') === keyName;
  const descending = sort.startsWith('-');
  // Priority starts with P1 first; dates start with the newest first.
  const first: Sort = keyName === 'priority' ? 'priority' : (`-${keyName}` as Sort);
  const next: Sort = active ? (descending ? keyName : `-${keyName}`) : first;
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
