import type { ReactNode } from 'react';

/** Label–value pairs as a description list; pairs with a null or empty value are left out. */
export function FactList({ facts }: { facts: [string, ReactNode][] }) {
  const shown = facts.filter(([, value]) => value !== null && value !== undefined && value !== '' && value !== false);
  if (shown.length === 0) return null;
  return (
    <dl className="facts__meta">
      {shown.map(([label, value]) => (
        <div key={label} className="facts__pair">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
