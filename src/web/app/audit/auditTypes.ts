/** The shapes of /api/v1/audit/* (src/http/routes/audit.ts). */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: { id: string; username: string | null } | null;
  party: string | null;
  action: string;
  targetId: string | null;
  ticketRef: string | null;
  data: unknown;
  hash: string | null;
}

export interface AuditPage {
  entries: AuditEntry[];
  next: number | null;
}

export interface ChainReport {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string };
  problem: { kind: string; seq: number; id?: number; foundAt?: number } | null;
  checkedAt: string;
}

export interface Checkpoint {
  id: string;
  seq: number;
  headHash: string;
  at: string;
  keyId: string;
}

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
