import { randomUUID } from 'node:crypto';
import { CsvSyntaxError, parseCsv } from '../../domain/csv.ts';
import { AppError } from '../../domain/errors.ts';
import { formatTicketRef } from '../../domain/identifiers.ts';
import { isCompleteMatrix, priorityFor } from '../../domain/priority.ts';
import { importedTimeline, readImportRows, type ImportProblem } from '../../domain/ticket-import.ts';
import { isoDate, localDayOf } from '../../domain/time-zone.ts';
import type { Db } from '../../store/db.ts';
import { creationDefaults, findParty } from '../../store/directory.ts';
import { instanceId } from '../../store/instance.ts';
import { slaDueAtsOf } from '../sla/sla-due.ts';
import { alreadyImported, insertImportedTickets, reserveTicketNumbers } from '../../store/ticket-import.ts';

export interface CsvImportResult {
  party: string;
  source: string;
  imported: number;
  tickets: { line: number; externalId: string; ref: string }[];
}

const refused = (problems: ImportProblem[]) => {
  const first = problems[0]!;
  return new AppError('import.invalid_row', first.field, {
    line: first.line,
    field: first.field,
    detail: first.detail,
    others: problems.length - 1,
  });
};

/**
 * AUD-3: loads a CSV of incidents kept by another tool (docs/import-csv.md) into `party`, keeping
 * their original opening, first-intervention, resolution and closure instants. Every row is
 * checked first; one bad row refuses the whole file (line and column named) and nothing is
 * written. The load is one transaction; each ticket gets its reference in the party's own
 * numbering (year of its opening) and one `ticket.import` audit entry naming its external id.
 */
export async function importTicketsCsv(
  db: Db,
  input: { party: string; csv: string; source: string; actorId?: string | null; now?: Date },
): Promise<CsvImportResult> {
  const now = input.now ?? new Date();
  const party = await findParty(db, input.party);
  if (!party) throw new AppError('party.not_found', 'party');
  if (party.kind !== 'local')
    throw new AppError('validation.invalid', 'party', { field: 'party', detail: 'local_party' });
  let records;
  try {
    records = parseCsv(input.csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw refused([{ line: error.line, field: 'file', detail: 'csv_syntax' }]);
    throw error;
  }
  const { rows, problems } = readImportRows(records, now.getTime());
  if (problems.length === 0) {
    const seen = await alreadyImported(
      db,
      party.id,
      input.source,
      rows.map((r) => r.externalId),
    );
    for (const row of rows)
      if (seen.has(row.externalId))
        problems.push({ line: row.line, field: 'external_id', detail: 'csv_already_imported' });
  }
  if (problems.length > 0) throw refused(problems);

  // The party's own matrix and time zone, as a creation reads them (the imported tickets are the party's alone).
  const defaults = await creationDefaults(db, party.id, [party.id]);
  const matrix = isCompleteMatrix(defaults.priorityMatrix) ? defaults.priorityMatrix : undefined;
  const zone = defaults.timeZone ?? 'UTC';
  const instance = await instanceId(db);
  const author = {
    actorId: input.actorId ?? null,
    actorName: `Import (${input.source})`,
    party: party.id,
    instanceId: instance,
  };
  // Numbered in order of opening, per year of the owning party's local calendar.
  const ordered = [...rows].sort((a, b) => a.openedAt - b.openedAt || a.line - b.line);
  const yearOf = (at: number) => Number(isoDate(localDayOf(zone, at)).slice(0, 4));

  return db.transaction(async (tx) => {
    const perYear = new Map<number, number>();
    for (const row of ordered) perYear.set(yearOf(row.openedAt), (perYear.get(yearOf(row.openedAt)) ?? 0) + 1);
    const next = new Map<number, number>();
    for (const [year, count] of perYear)
      next.set(year, await reserveTicketNumbers(tx, party.id, 'incident', year, count));

    type Rows<N extends number> = Parameters<typeof insertImportedTickets>[N];
    const ticketRows: Rows<1> = [];
    const eventRows: Rows<2> = [];
    const auditRows: Rows<3> = [];
    const result: CsvImportResult['tickets'] = [];
    for (const row of ordered) {
      const year = yearOf(row.openedAt);
      const number = next.get(year)!;
      next.set(year, number + 1);
      const ref = formatTicketRef(party.id, 'incident', year, number);
      const id = randomUUID();
      const computed = priorityFor(row.impact, row.criticality, matrix);
      const timeline = importedTimeline(row, ref, computed, party.id);
      const last = timeline.steps.at(-1)!.at;
      ticketRows.push({
        id,
        ref,
        type: 'incident' as const,
        ownerParty: party.id,
        holderParty: party.id,
        participants: [party.id],
        title: row.title,
        description: row.description,
        service: row.service,
        impact: row.impact,
        criticality: row.criticality,
        priority: row.priority ?? computed,
        priorityReason: row.priority !== null && row.priority !== computed ? 'Priority of the original ticket' : null,
        sensitivity: row.sensitivity,
        status: timeline.status,
        details: {},
        channel: row.channel,
        groupId: defaults.deskId,
        escalationLevel: 1,
        reporter: row.reporter,
        reporterEmail: row.reporterEmail,
        resolution: row.resolution,
        createdBy: input.actorId ?? null,
        createdAt: new Date(row.openedAt),
        updatedAt: new Date(last),
        resolvedAt: row.resolvedAt === null ? null : new Date(row.resolvedAt),
        closedAt: row.closedAt === null ? null : new Date(row.closedAt),
        version: timeline.steps.length,
        eventSeq: timeline.steps.length,
        slaFacts: timeline.facts,
        // Due at once: the next SLA check computes its instant with the calendars (and signals what was crossed).
        slaNextCheckAt: timeline.status === 'closed' ? null : now,
      });
      timeline.steps.forEach(({ event, at }, index) =>
        eventRows.push({
          id: randomUUID(),
          ticketId: id,
          seq: index + 1,
          kind: event.kind,
          visibility: 'shared' as const,
          data: event.data,
          ...author,
          createdAt: new Date(at),
        }),
      );
      auditRows.push({
        actorId: input.actorId ?? null,
        party: party.id,
        action: 'ticket.import',
        targetId: id,
        data: { ref, externalId: row.externalId, source: input.source, line: row.line },
        at: now,
      });
      result.push({ line: row.line, externalId: row.externalId, ref });
    }
    // Each open ticket's next SLA due instant, as the queue sorts by it (closed ones have none).
    const dues = await slaDueAtsOf(
      tx,
      ticketRows.map((t) => ({ ...t, id: t.id!, slaFacts: t.slaFacts ?? null })),
      now,
    );
    for (const ticket of ticketRows) ticket.slaDueAt = dues.get(ticket.id!) ?? null;
    await insertImportedTickets(tx, ticketRows, eventRows, auditRows);
    return { party: party.id, source: input.source, imported: result.length, tickets: result };
  });
}
