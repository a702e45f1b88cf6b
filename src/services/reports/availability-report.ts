import { availability } from '../../domain/availability.ts';
import { csvDocument } from '../../domain/csv.ts';
import { AppError } from '../../domain/errors.ts';
import { monthBounds } from '../../domain/month.ts';
import type { Db } from '../../store/db.ts';
import { partyOutages, partyServiceTargets } from '../../store/reports.ts';
import { windowsFor } from '../../store/sla.ts';
import { readCalendar } from '../sla/edit-calendar.ts';
import { countedWindows } from '../sla/maintenance-windows.ts';

/** SLA-6: each service's monthly availability against its target, maintenance excluded. */
export async function availabilityReport(db: Db, party: string, month: string, now = Date.now()) {
  const { calendar } = await readCalendar(db, party);
  const [from, to] = monthBounds(month, calendar.timeZone);
  if (from > now) throw new AppError('validation.invalid', 'month', { field: 'month', detail: 'month_future' });
  const [rows, targets, windows] = await Promise.all([
    partyOutages(db, party),
    partyServiceTargets(db, party),
    countedWindows(db, party, new Date(from), new Date(to)),
  ]);
  const services = [...new Set([...targets.map((t) => t.service), ...rows.map((o) => o.service)])].sort();
  return {
    party,
    month,
    rows: services.map((service) => {
      const spans = rows
        .filter((o) => o.service === service)
        .map((o) => ({
          detectedAt: o.detectedAt?.getTime() ?? null,
          reportedAt: o.reportedAt?.getTime() ?? null,
          restoredAt: o.restoredAt?.getTime() ?? null,
        }))
        .filter(
          (o) => Math.min(o.detectedAt ?? Infinity, o.reportedAt ?? Infinity) < to && (o.restoredAt ?? now) > from,
        );
      const result = availability(spans, windowsFor(windows, party, service), from, to, now);
      const target = targets.find((t) => t.service === service);
      const targetPct = target ? Number(target.targetPct) : null;
      return {
        service,
        outages: spans.length,
        downtimeMs: result.downtimeMs,
        availabilityPct: result.pct,
        targetPct,
        met: targetPct === null ? null : result.pct >= targetPct,
      };
    }),
  };
}

/** The availability report as CSV. */
export function availabilityCsv(rows: Awaited<ReturnType<typeof availabilityReport>>['rows']): string {
  return csvDocument(
    ['service', 'outages', 'downtime_ms', 'availability_pct', 'target_pct', 'met'],
    rows.map((r) => [r.service, r.outages, r.downtimeMs, r.availabilityPct, r.targetPct, r.met]),
  );
}
