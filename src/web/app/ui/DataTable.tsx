import type { ReactNode } from 'react';

interface Props {
  /** Read by screen readers only (the section's heading already shows it). */
  caption?: string | undefined;
  /** The column headings. */
  columns: readonly ReactNode[];
  /** A last column of row buttons, with this heading read by screen readers only. */
  actions?: string | undefined;
  className?: string | undefined;
  /** The rows. */
  children: ReactNode;
}

/** A table of the console: scrolls within its card, headed columns, optional row actions. */
export function DataTable({ caption, columns, actions, className = 'grid', children }: Props) {
  return (
    <div className="table-wrap">
      <table className={className}>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col">
                {column}
              </th>
            ))}
            {actions && (
              <th scope="col">
                <span className="visually-hidden">{actions}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A row across the whole table under another row: its inline form or message. */
export function RowPanel({ span, children }: { span: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={span}>{children}</td>
    </tr>
  );
}
