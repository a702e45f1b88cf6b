import { csvDocument } from '../../domain/csv.ts';
import { AppError } from '../../domain/errors.ts';
import { monthBounds } from '../../domain/month.ts';
import { PRIORITIES } from '../../domain/priority.ts';
import { interventionElapsed } from '../../domain/sla.ts';
import { SlaFactsSchema } from '../../domain/sla-facts.ts';
import type { Db } from '../../store/db.ts';
import { ticketsOpenedIn } from '../../store/reports.ts';
import type { Actor } from '../../domain/actor.ts';
import { readCalendar } from '../sla/edit-calendar.ts';
import { loadSlaEnvironment } from '../sla/sla-environment.ts';
import type { Priority } from '../../domain/priority.ts';

export interface ComplianceRow {
  type: 'incident' | 'request';
  priority: string;
  tickets: number;
  withinTarget: number;
  pct: number | null;
  objectivePct: number;
  met: boolean | null;
  /** Opened in the month, no intervention yet and still within target: not counted yet. */
  pending: number;
}

export interface ComplianceDetail {
  ref: string;
  type: string;
  priority: string;
  openedAt: string;
  firstInterventionAt: string | null;
  elapsedMs: number;
  targetMs: number;
  within: boolean | null;
}

/**
 * SLA-5: per priority, how many of the party's tickets opened in the month met their GTI.
 * Every figure comes from the tickets' timeline facts and the party's calendar versions;
 * `details` lists each ticket behind the figures so they can be audited.
 */
export async function complianceReport(db: Db, actor: Actor, party: string, month: string, now = Date.now()) {
  const { calendar } = await readCalendar(db, party);
  const [from, to] = monthBounds(month, calendar.timeZone);
  if (from > now) throw new AppError('validation.invalid', 'month', { field: 'month', detail: 'month_future' });
  const rows = await ticketsOpenedIn(db, actor, party, ['incident', 'request'], new Date(from), new Date(to));
  const env = await loadSlaEnvironment(db, [party], new Date(from), new Date(now));
  const details: ComplianceDetail[] = rows.map((t) => {
    const facts = SlaFactsSchema.parse(JSON.parse(t.facts));
    const stop = facts.firstInterventionAt;
    const clockFor = (priority: Priority) => env.ticketClock(party, priority, t.service);
    // The priority in force when the clock stopped (or now): later re-assessments change nothing.
    const priority = facts.segments.findLast((s) => s.at <= (stop ?? now))?.priority ?? facts.segments[0]!.priority;
    const targetMs = env.target(party, t.type, priority, facts.openedAt).gtiMs;
    // Without an intervention yet, the ticket counts as breached once past its target, and its
    // elapsed time is shown up to the end of the month, which later days cannot change.
    const elapsedMs = interventionElapsed(facts, clockFor, stop ?? Math.min(now, to));
    const within =
      stop !== null ? elapsedMs <= targetMs : interventionElapsed(facts, clockFor, now) > targetMs ? false : null;
    return {
      ref: t.ref,
      type: t.type,
      priority,
      openedAt: new Date(facts.openedAt).toISOString(),
      firstInterventionAt: stop === null ? null : new Date(stop).toISOString(),
      elapsedMs,
      targetMs,
      within,
    };
  });
  const groups: { type: 'incident' | 'request'; priority: Priority | 'all' }[] = [
    ...PRIORITIES.map((p) => ({ type: 'incident' as const, priority: p })),
    { type: 'request', priority: 'all' },
  ];
  const summary: ComplianceRow[] = groups.map(({ type, priority }) => {
    const mine = details.filter((d) => d.type === type && (priority === 'all' || d.priority === priority));
    const counted = mine.filter((d) => d.within !== null);
    const within = counted.filter((d) => d.within).length;
    const objectivePct = env.target(party, type, priority === 'all' ? 'P3' : priority, from).objectivePct;
    const pct = counted.length === 0 ? null : Math.round((within / counted.length) * 10_000) / 100;
    return {
      type,
      priority,
      tickets: counted.length,
      withinTarget: within,
      pct,
      objectivePct,
      met: pct === null ? null : pct >= objectivePct,
      pending: mine.length - counted.length,
    };
  });
  return { party, month, timeZone: calendar.timeZone, rows: summary, details };
}

/** The report's summary as CSV (RFC 4180, header line first). */
export function complianceCsv(rows: ComplianceRow[]): string {
  return csvDocument(
    ['type', 'priority', 'tickets', 'within_target', 'pct', 'objective_pct', 'met', 'pending'],
    rows.map((r) => [r.type, r.priority, r.tickets, r.withinTarget, r.pct, r.objectivePct, r.met, r.pending]),
  );
}
