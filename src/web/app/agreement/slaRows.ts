import type { SlaTarget } from '../../../contract/agreement.ts';
import { PRIORITIES } from '../../../domain/priority.ts';

export type Priority = (typeof PRIORITIES)[number];
export type TicketType = SlaTarget['ticketType'];
export const SLA_COLUMNS = ['gti', 'gte', 'gtr'] as const;

/** One priority's targets as typed: hours (decimals allowed) and the objective in percent. */
export interface SlaRow {
  gti: string;
  gte: string;
  gtr: string;
  pct: string;
}
export type SlaRows = Record<Priority, SlaRow>;

export type { SlaTarget };

const hours = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);
const EMPTY: SlaRow = { gti: '', gte: '', gtr: '', pct: '' };

/** The rows of one ticket type, filled from the targets in force (empty where none). */
export function rowsFrom(targets: readonly SlaTarget[], type: TicketType): SlaRows {
  const row = (p: Priority): SlaRow => {
    const target = targets.find((t) => t.ticketType === type && t.priority === p);
    return target
      ? {
          gti: hours(target.gtiMinutes),
          gte: hours(target.gteMinutes),
          gtr: hours(target.gtrMinutes),
          pct: String(target.objectivePct),
        }
      : { ...EMPTY };
  };
  return { P1: row('P1'), P2: row('P2'), P3: row('P3'), P4: row('P4'), P5: row('P5') };
}

/** Why the rows cannot be sent (form field → message key and values), or the targets to send. */
export function checkRows(
  rows: SlaRows,
  type: TicketType,
): { errors: Record<string, { key: string; values?: Record<string, string> }> } | { items: SlaTarget[] } {
  const errors: Record<string, { key: string; values?: Record<string, string> }> = {};
  const items: SlaTarget[] = [];
  for (const p of PRIORITIES) {
    const row = rows[p];
    if (Object.values(row).every((v) => v.trim() === '')) continue;
    const minutes: Partial<Record<(typeof SLA_COLUMNS)[number], number>> = {};
    for (const c of SLA_COLUMNS) {
      const value = Number(row[c].replace(',', '.'));
      const m = Math.round(value * 60);
      if (row[c].trim() === '' || !Number.isFinite(value) || m < 1 || m > 30_000)
        errors[`sla.${p}.${c}`] = { key: 'agreement.sla.hoursInvalid' };
      else minutes[c] = m;
    }
    const pct = Number(row.pct);
    if (!Number.isInteger(pct) || pct < 1 || pct > 100) errors[`sla.${p}.pct`] = { key: 'agreement.sla.pctInvalid' };
    const { gti, gte, gtr } = minutes;
    if (gti !== undefined && gte !== undefined && gtr !== undefined) {
      // First intervention comes before escalation, escalation before resolution (as the server checks).
      if (gti > gte) errors[`sla.${p}.gte`] = { key: 'agreement.sla.gteBeforeGti' };
      else if (gte > gtr) errors[`sla.${p}.gtr`] = { key: 'agreement.sla.gtrBeforeGte' };
      else
        items.push({
          ticketType: type,
          priority: p,
          gtiMinutes: gti,
          gteMinutes: gte,
          gtrMinutes: gtr,
          objectivePct: pct,
        });
    }
  }
  if (Object.keys(errors).length === 0 && items.length === 0)
    errors['sla.P1.gti'] = { key: 'agreement.sla.noneFilled' };
  return Object.keys(errors).length > 0 ? { errors } : { items };
}
