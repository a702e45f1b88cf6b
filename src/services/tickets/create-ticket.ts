import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import { formatTicketRef } from '../../domain/identifiers.ts';
import { isoDate, localDayOf, yearInEveryZone } from '../../domain/time-zone.ts';
import { lifecycleOf } from '../../domain/lifecycle.ts';
import { isCompleteMatrix, priorityFor, type Criticality, type Impact, type Priority } from '../../domain/priority.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import type { TicketType } from '../../domain/ticket-types.ts';
import type { Db } from '../../store/db.ts';
import { creationDefaults, findParty } from '../../store/directory.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import {
  foldEvents,
  insertEventRows,
  insertTicket,
  nextTicketNumber,
  writeAudit,
  type PendingEvent,
} from '../../store/ticket-writes.ts';
import { notifyEvents } from '../notifications/notify-events.ts';
import { slaColumnsIn } from '../sla/sla-next-check.ts';
import { slaEnvironmentFor } from '../sla/ticket-sla.ts';
import type { SlaEnvironment } from '../sla/sla-environment.ts';
import { enqueueJob } from '../../store/jobs.ts';
import { inOrder } from '../../store/in-order.ts';
import { authorOf } from '../write-path/ticket-action.ts';
import type { ServiceContext } from '../write-path/context.ts';
import type { TicketChannel } from '../../domain/ticket-types.ts';

/** The fields a ticket is recorded with (TKT-5), as the API takes them. */
export interface TicketFieldsInput {
  title: string;
  description?: string | undefined;
  service: string;
  impact: Impact;
  criticality: Criticality;
  sensitivity?: Sensitivity | undefined;
  channel?: TicketChannel | undefined;
}

export interface NewTicketInput {
  type: TicketType;
  title: string;
  description?: string | undefined;
  service: string;
  impact: Impact;
  criticality: Criticality;
  sensitivity: Sensitivity;
  priority?: Priority | undefined;
  priorityReason?: string | undefined;
  reporter?: string | undefined;
  reporterEmail?: string | undefined;
  channel: TicketChannel;
  participants?: string[];
  escalationLevel?: number;
  /** Per-type facts (domain/processes.ts). */
  details?: object;
  /** A state other than the lifecycle's first (a pre-approved standard change). */
  status?: string;
  /** Events recorded right after the creation (e.g. the pre-approval of a standard change). */
  events?: PendingEvent[];
  /** COL-2: the receipt leaves from this mailbox as an answer to this message; `false`: no receipt (automatic mail). */
  receipt?: { mailboxId: string; inReplyTo: string } | false;
}

/** The party's priority for an impact and criticality (its own matrix, else SLA-1's). */
export async function matrixPriority(
  db: Db,
  partyId: string,
  impact: Impact,
  criticality: Criticality,
): Promise<Priority> {
  const party = await findParty(db, partyId);
  const matrix = isCompleteMatrix(party?.priorityMatrix) ? party.priorityMatrix : undefined;
  return priorityFor(impact, criticality, matrix);
}

/** A ticket just recorded, with what its first answer is built from (get-ticket.ts, newTicketDetail). */
export interface RecordedTicket {
  ticket: TicketRow;
  /** The timeline rows written with it. */
  events: ReturnType<typeof foldEvents>['rows'];
  /** The name of the desk it was put with. */
  groupName: string | null;
  /** The SLA settings its SLA columns were computed with, in the recording transaction. */
  sla: SlaEnvironment;
}

/**
 * Records a new ticket owned by the actor's party, inside the caller's transaction: issues
 * its identifier, puts it with the party's desk and writes its first timeline event.
 */
export async function insertNewTicket(
  ctx: ServiceContext,
  tx: Db,
  input: NewTicketInput,
  now: Date,
): Promise<TicketRow> {
  return (await recordNewTicket(ctx, tx, input, now)).ticket;
}

/** insertNewTicket, with what the first answer about the ticket is built from. */
export async function recordNewTicket(
  ctx: ServiceContext,
  tx: Db,
  input: NewTicketInput,
  now: Date,
): Promise<RecordedTicket> {
  const party = ctx.actor.party;
  const participants = [...new Set([party, ...(input.participants ?? [])])];
  // One statement for the party's matrix, desk, time zone and SLA version, and the parties' webhook
  // subscriptions. The number is issued with it when the year is the same in every time zone: the
  // two are sent together (inOrder), and the store is not held waiting for a second round trip.
  const sameYear = yearInEveryZone(now.getTime());
  const [defaults, issued] = await inOrder(
    tx,
    () => creationDefaults(tx, party, participants),
    async () => (sameYear === null ? null : nextTicketNumber(tx, party, input.type, sameYear)),
  );
  const computed = priorityFor(
    input.impact,
    input.criticality,
    isCompleteMatrix(defaults.priorityMatrix) ? defaults.priorityMatrix : undefined,
  );
  const overridden = input.priority !== undefined && input.priority !== computed;
  if (overridden && !input.priorityReason?.trim())
    throw new AppError('ticket.priority_reason_required', 'priorityReason');
  // The year of the identifier is the owning party's local year (00:30 on 1 January in Paris is already the new year).
  const year = sameYear ?? Number(isoDate(localDayOf(defaults.timeZone ?? 'UTC', now.getTime())).slice(0, 4));
  const number = issued ?? (await nextTicketNumber(tx, party, input.type, year));
  const ref = formatTicketRef(party, input.type, year, number);
  const id = randomUUID();
  // The opening priority is the matrix's; an override follows as its own event with its reason.
  const events: PendingEvent[] = [
    { event: { kind: 'created', data: { ref, title: input.title, channel: input.channel, priority: computed } } },
  ];
  if (overridden) {
    events.push({
      event: {
        kind: 'field_changed',
        data: { field: 'priority', from: computed, to: input.priority, reason: input.priorityReason },
      },
    });
  }
  events.push(...(input.events ?? []));
  const folded = foldEvents(
    { id, eventSeq: 0, slaFacts: null, ownerParty: party, type: input.type },
    authorOf(ctx),
    events,
    now,
  );
  const priority = overridden ? input.priority! : computed;
  // The party's SLA settings as of its version just read (cached per node, store/sla.ts).
  const slaEnv = await slaEnvironmentFor(
    tx,
    [{ id, type: input.type, ownerParty: party, priority, service: input.service, slaFacts: folded.patch.slaFacts }],
    now.getTime(),
    new Map(defaults.slaVersion ? [[party, defaults.slaVersion]] : []),
  );
  const sla = slaColumnsIn(
    slaEnv,
    {
      id,
      type: input.type,
      ownerParty: party,
      priority,
      service: input.service,
      slaFacts: folded.patch.slaFacts,
      slaAlerts: [],
    },
    now,
  );
  // The ticket, its first events (with their webhook deliveries) and its audit entry, in that order
  // (the events' foreign key needs the ticket): one round trip while the store is held, not three.
  // A new ticket has no team yet (SEC-2).
  const [ticket] = await inOrder(
    tx,
    () =>
      insertTicket(tx, {
        id,
        ref,
        type: input.type,
        ownerParty: party,
        holderParty: party,
        participants,
        title: input.title,
        description: input.description ?? '',
        service: input.service,
        impact: input.impact,
        criticality: input.criticality,
        priority,
        priorityReason: overridden ? input.priorityReason! : null,
        sensitivity: input.sensitivity,
        status: input.status ?? lifecycleOf(input.type).initial,
        details: input.details ?? {},
        channel: input.channel,
        groupId: defaults.deskId,
        escalationLevel: input.escalationLevel ?? 1,
        reporter: input.reporter ?? null,
        reporterEmail: input.reporterEmail ?? null,
        createdBy: ctx.actor.id,
        createdAt: now,
        updatedAt: now,
        ...folded.patch,
        ...sla,
      }),
    () =>
      insertEventRows(tx, folded.rows, {
        subscriptions: defaults.subscriptions,
        sensitivity: input.sensitivity,
        team: null,
      }),
    () =>
      writeAudit(
        tx,
        { actorId: ctx.actor.id, party, action: `ticket.create`, targetId: id, data: { ref, type: input.type } },
        now,
      ),
  );
  await notifyEvents(tx, ticket, events, ctx.actor.id, ctx.mail ?? false, now);
  // The requester outside Passerelle is told the number only: no content leaves by this mail.
  if (ctx.mail && input.reporterEmail && input.receipt !== false)
    await enqueueJob(tx, 'mail_receipt', { ticketId: ticket.id, to: input.reporterEmail, ...input.receipt });
  return { ticket, events: folded.rows, groupName: defaults.deskName, sla: slaEnv };
}
