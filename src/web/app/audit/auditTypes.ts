/** The shapes of /api/v1/audit/*, inferred from the contract (src/contract/audit.ts). */
import type { AuditEntry, AuditEntryPage as AuditPage, ChainReport, Checkpoint } from '../../../contract/audit.ts';
export type { AuditEntry, AuditPage, ChainReport, Checkpoint };

/** The filters of the page, as typed: empty strings are "any". */
export interface AuditFilterValues {
  from: string;
  to: string;
  actor: string;
  ticket: string;
  action: string;
}

/** The query string of the filters (`from`/`to` typed as local date-times, sent as instants). */
export function auditQuery(filter: AuditFilterValues, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  const instant = (local: string) => (local ? new Date(local).toISOString() : '');
  const values: Record<string, string> = {
    from: instant(filter.from),
    to: instant(filter.to),
    actor: filter.actor.trim(),
    ticket: filter.ticket.trim(),
    action: filter.action.trim(),
    ...extra,
  };
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  return params.toString();
}
