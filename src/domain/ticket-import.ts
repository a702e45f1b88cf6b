import type { CsvRecord } from './csv.ts';
import type { TimelineEvent } from './events.ts';
import { CRITICALITIES, IMPACTS, PRIORITIES, type Criticality, type Impact, type Priority } from './priority.ts';
import { SENSITIVITIES, type Sensitivity } from './sensitivity.ts';
import { projectFacts, type SlaFacts } from './sla-facts.ts';

/**
 * AUD-3: the CSV of incidents kept by another tool (docs/import-csv.md). Each row becomes an
 * incident of the importing party whose timeline carries the original opening, first-intervention,
 * resolution and closure instants, so the SLA facts folded from it — and the reports — stay true.
 */
export const IMPORT_COLUMNS = [
  'external_id',
  'title',
  'description',
  'service',
  'impact',
  'criticality',
  'priority',
  'sensitivity',
  'channel',
  'reporter',
  'reporter_email',
  'opened_at',
  'first_intervention_at',
  'resolved_at',
  'resolution',
  'closed_at',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: ImportColumn[] = ['external_id', 'title', 'service', 'impact', 'criticality', 'opened_at'];
const CHANNELS = ['console', 'api', 'phone', 'email'] as const;
const MAX: Partial<Record<ImportColumn, number>> = {
  external_id: 100,
  title: 200,
  description: 20_000,
  service: 120,
  reporter: 200,
  reporter_email: 254,
  resolution: 5_000,
};
/** ISO 8601 with a time and an explicit offset: an instant, never a local time open to guessing. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A refused cell: the file's line, the column, and a detail key (i18n DETAILS). */
export interface ImportProblem {
  line: number;
  field: string;
  detail: string;
}

export interface ImportedRow {
  line: number;
  externalId: string;
  title: string;
  description: string;
  service: string;
  impact: Impact;
  criticality: Criticality;
  priority: Priority | null;
  sensitivity: Sensitivity;
  channel: (typeof CHANNELS)[number];
  reporter: string | null;
  reporterEmail: string | null;
  openedAt: number;
  firstInterventionAt: number | null;
  resolvedAt: number | null;
  resolution: string | null;
  closedAt: number | null;
}

/** Checks the header, then every row; returns the rows or every problem found (none is written when any). */
export function readImportRows(records: CsvRecord[], now: number): { rows: ImportedRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const header = records[0];
  if (!header) return { rows: [], problems: [{ line: 1, field: 'external_id', detail: 'csv_empty' }] };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  for (const name of names)
    if (!(IMPORT_COLUMNS as readonly string[]).includes(name))
      problems.push({ line: header.line, field: name, detail: 'csv_unknown_column' });
  for (const name of REQUIRED)
    if (!names.includes(name)) problems.push({ line: header.line, field: name, detail: 'csv_missing_column' });
  if (new Set(names).size !== names.length)
    problems.push({ line: header.line, field: names.find((n, i) => names.indexOf(n) !== i)!, detail: 'csv_duplicate' });
  if (problems.length > 0) return { rows: [], problems };

  const rows: ImportedRow[] = [];
  const seen = new Map<string, number>();
  for (const record of records.slice(1)) {
    const { line } = record;
    const bad = (field: string, detail: string) => {
      problems.push({ line, field, detail });
      return null;
    };
    if (record.fields.length !== names.length) {
      bad(names[Math.min(record.fields.length, names.length - 1)]!, 'csv_field_count');
      continue;
    }
    const cell = (name: ImportColumn): string | null => {
      const index = names.indexOf(name);
      const value = index < 0 ? '' : record.fields[index]!.trim();
      if (value === '') return REQUIRED.includes(name) ? bad(name, 'csv_required') : null;
      if (LONE_SURROGATE.test(value) || value.includes('\u0000')) return bad(name, 'csv_text');
      if (value.length > (MAX[name] ?? 64)) return bad(name, 'csv_too_long');
      return value;
    };
    const oneOf = <T extends string>(name: ImportColumn, list: readonly T[], fallback: T | null): T | null => {
      const value = cell(name);
      if (value === null) return fallback;
      return list.find((item) => item === value) ?? bad(name, 'csv_one_of');
    };
    const instant = (name: ImportColumn): number | null => {
      const value = cell(name);
      if (value === null) return null;
      const at = INSTANT.test(value) ? Date.parse(value) : NaN;
      if (Number.isNaN(at)) return bad(name, 'csv_instant');
      return at > now ? bad(name, 'not_future') : at;
    };
    const before = problems.length;
    const externalId = cell('external_id');
    const draft = {
      line,
      externalId: externalId ?? '',
      title: cell('title') ?? '',
      description: cell('description') ?? '',
      service: cell('service') ?? '',
      impact: oneOf('impact', IMPACTS, null),
      criticality: oneOf('criticality', CRITICALITIES, null),
      priority: oneOf('priority', PRIORITIES, null),
      sensitivity: oneOf('sensitivity', SENSITIVITIES, 'LIMITED'),
      channel: oneOf('channel', CHANNELS, 'api'),
      reporter: cell('reporter'),
      reporterEmail: cell('reporter_email'),
      openedAt: instant('opened_at'),
      firstInterventionAt: instant('first_intervention_at'),
      resolvedAt: instant('resolved_at'),
      resolution: cell('resolution'),
      closedAt: instant('closed_at'),
    };
    if (draft.reporterEmail !== null && !EMAIL.test(draft.reporterEmail)) bad('reporter_email', 'csv_email');
    if (externalId !== null) {
      if (seen.has(externalId)) bad('external_id', 'csv_duplicate');
      seen.set(externalId, line);
    }
    if (problems.length > before) continue;
    // An empty required cell or a value out of its list was reported above: none is null here.
    const { impact, criticality, sensitivity, channel, openedAt } = draft;
    if (impact === null || criticality === null || sensitivity === null || channel === null || openedAt === null)
      continue;
    const row: ImportedRow = { ...draft, impact, criticality, sensitivity, channel, openedAt };
    // Instants in order: opened ≤ first intervention ≤ resolved ≤ closed.
    if (row.firstInterventionAt !== null && row.firstInterventionAt < row.openedAt)
      bad('first_intervention_at', 'csv_before_opened');
    if (row.resolvedAt !== null && row.resolvedAt < (row.firstInterventionAt ?? row.openedAt))
      bad('resolved_at', 'csv_before_intervention');
    if (row.resolvedAt !== null && row.resolution === null) bad('resolution', 'csv_required_when_resolved');
    if (row.resolvedAt === null && row.resolution !== null) bad('resolved_at', 'csv_required_with_resolution');
    if (row.closedAt !== null && row.resolvedAt === null) bad('resolved_at', 'csv_required_when_closed');
    if (row.closedAt !== null && row.resolvedAt !== null && row.closedAt < row.resolvedAt)
      bad('closed_at', 'csv_before_resolved');
    if (problems.length === before) rows.push(row);
  }
  if (rows.length === 0 && problems.length === 0)
    problems.push({ line: header.line, field: 'external_id', detail: 'csv_empty' });
  return { rows, problems };
}

export interface ImportedTimeline {
  status: string;
  steps: { event: TimelineEvent; at: number }[];
  facts: SlaFacts;
}

const changed = (from: string, to: string, action: string): TimelineEvent => ({
  kind: 'status_changed',
  data: { from, to, action },
});

/**
 * The timeline that reproduces the original instants: created at the opening (with the matrix's
 * priority, then the original one with its reason if it differs), taken into work at the first
 * intervention, resolved, then verified and closed. Every step is a person's act in the other
 * tool, so the first intervention is exactly `first_intervention_at` (or the resolution when empty).
 */
export function importedTimeline(row: ImportedRow, ref: string, computed: Priority, owner: string): ImportedTimeline {
  const steps: ImportedTimeline['steps'] = [
    {
      event: { kind: 'created', data: { ref, title: row.title, channel: row.channel, priority: computed } },
      at: row.openedAt,
    },
  ];
  if (row.priority !== null && row.priority !== computed)
    steps.push({
      event: {
        kind: 'field_changed',
        data: { field: 'priority', from: computed, to: row.priority, reason: 'Priority of the original ticket' },
      },
      at: row.openedAt,
    });
  let status = 'recorded';
  if (row.firstInterventionAt !== null) {
    steps.push({ event: changed(status, 'in_progress', 'assign'), at: row.firstInterventionAt });
    status = 'in_progress';
  }
  if (row.resolvedAt !== null) {
    steps.push({ event: changed(status, 'resolved', 'resolve'), at: row.resolvedAt });
    steps.push({ event: { kind: 'resolved', data: { resolution: row.resolution ?? '' } }, at: row.resolvedAt });
    status = 'resolved';
  }
  if (row.closedAt !== null) {
    steps.push({ event: changed('resolved', 'verified', 'verify'), at: row.closedAt });
    steps.push({ event: changed('verified', 'closed', 'close'), at: row.closedAt });
    status = 'closed';
  }
  const facts = projectFacts(
    steps.map(({ event, at }) => ({ ...event, at, system: false, visibility: 'shared' as const })),
    owner,
    'recorded',
  )!;
  return { status, steps, facts };
}
