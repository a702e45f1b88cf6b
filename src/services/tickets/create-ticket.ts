import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import { formatTicketRef } from '../../domain/identifiers.ts';
import { isoDate, localDayOf, yearInEveryZone } from '../../domain/time-zone.ts';
import { lifecycleOf } from '../../domain/lifecycle.ts';
import { isCompleteMatrix, priorityFor, type Criticality, type Impact, type Priority } from '../../domain/priority.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import type { TicketType } from '../../domain/ticket-types.ts';
import type { Db } from '../../store/db.ts';
import { creationDefaults, findParty, type CreationDefaults } from '../../store/directory.ts';
import { knownDefaults, rememberDefaults, sameDefaults, StaleDefaults } from './creation-defaults.ts';
import type { StoreValue } from '../../store/prepared.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import {
  foldEvents,
  insertEventRows,
  insertTicket,
  nextTicketNumber,
  refAtCounter,
  withRefAtCounter,
  writeAudit,
  type InsertedTicket,
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
  const participants = participantsOf(party, input);
  const sameYear = yearInEveryZone(now.getTime());
  // One statement for the party's matrix, desk, time zone and SLA version, and the parties' webhook
  // subscriptions. The number is issued with it when the year is the same in every time zone: the
  // two are sent together (inOrder), and the store is not held waiting for a second round trip.
  const [defaults, issued] = await inOrder(
    tx,
    () => creationDefaults(tx, party, participants),
    async () => (sameYear === null ? null : nextTicketNumber(tx, party, input.type, sameYear)),
  );
  rememberDefaults(ctx.db, party, participants, defaults);
  // The year of the identifier is the owning party's local year (00:30 on 1 January in Paris is already the new year).
  const year = sameYear ?? Number(isoDate(localDayOf(defaults.timeZone ?? 'UTC', now.getTime())).slice(0, 4));
  const number = issued ?? (await nextTicketNumber(tx, party, input.type, year));
  const plan = await planTicket(ctx, tx, input, now, defaults, formatTicketRef(party, input.type, year, number));
  const [ticket] = await inOrder(tx, ...writesOf(tx, plan, now));
  return finishRecording(ctx, tx, input, now, plan, ticket);
}

/**
 * Records a ticket in a transaction of its own. With the party's defaults known to this node, it
 * first tries recordWithKnownDefaults; when that finds them changed, or refuses the ticket on
 * them (a priority override needs a reason under one matrix and not under another), the creation
 * is redone in a new transaction that reads them first, whose outcome is final. Any other failure
 * is the creation's.
 */
export async function recordInTransaction(
  ctx: ServiceContext,
  input: NewTicketInput,
  now: Date,
): Promise<RecordedTicket> {
  const known = knownDefaults(ctx.db, ctx.actor.party, participantsOf(ctx.actor.party, input));
  if (known && yearInEveryZone(now.getTime()) !== null) {
    try {
      return await recordWithKnownDefaults(ctx, input, now, known);
    } catch (error) {
      if (!(error instanceof StaleDefaults || error instanceof AppError)) throw error;
    }
  }
  return ctx.db.transaction((tx) => recordNewTicket(ctx, tx, input, now));
}

/**
 * A creation with the party's defaults as this node last read them (creation-defaults.ts), in a
 * transaction of its own that is never held waiting for the request thread but before `end`:
 * everything is computed before it opens, then the statements that read the defaults again, issue
 * the number and write the ticket, its events and its audit entry leave together, the identifier
 * formed by the store from the number it issues (refAtCounter). Defaults read that differ from
 * those used (a desk or a webhook subscription gone included) throw StaleDefaults, and the
 * transaction rolls back. Only when the calendar year is the same in every time zone.
 */
export async function recordWithKnownDefaults(
  ctx: ServiceContext,
  input: NewTicketInput,
  now: Date,
  known: CreationDefaults,
): Promise<RecordedTicket> {
  const party = ctx.actor.party;
  const participants = participantsOf(party, input);
  const year = yearInEveryZone(now.getTime());
  if (year === null) throw new Error('recordWithKnownDefaults: the year differs between time zones');
  // SLA settings missing from this node's cache are read outside the transaction: they are the
  // ones of the SLA version in `known`, checked with the rest below.
  const plan = await planTicket(ctx, ctx.db, input, now, known, refAtCounter(party, input.type, year));
  return ctx.db.transaction(async (tx) => {
    let read: CreationDefaults | undefined;
    const stale = () => read !== undefined && !sameDefaults(read, known);
    let ticket: TicketRow | undefined;
    try {
      [, , ticket] = await inOrder(
        tx,
        async () => (read = await creationDefaults(tx, party, participants)),
        () => nextTicketNumber(tx, party, input.type, year),
        ...writesOf(tx, plan, now),
      );
    } catch (error) {
      // A write refused for a desk or a subscription that is gone: the defaults read say so.
      if (!stale()) throw error;
    }
    if (stale()) {
      rememberDefaults(ctx.db, party, participants, read!);
      throw new StaleDefaults();
    }
    // What is notified and answered carries the identifier the store formed.
    plan.created.ref = ticket!.ref;
    return finishRecording(ctx, tx, input, now, plan, ticket!);
  });
}

/**
 * The ticket, its first events (with their webhook deliveries) and its audit entry, in that order
 * (the events' foreign key needs the ticket), for inOrder: one round trip while the store is held.
 */
function writesOf(tx: Db, plan: TicketPlan, now: Date) {
  return [
    () => insertTicket(tx, plan.ticket),
    () => insertEventRows(tx, plan.rows, plan.audience),
    () => writeAudit(tx, plan.audit, now),
  ] as const;
}

function participantsOf(party: string, input: NewTicketInput): string[] {
  return [...new Set([party, ...(input.participants ?? [])])];
}

/**
 * What a creation writes, computed from the party's defaults before it writes anything: its
 * priority (matrix, override and reason), events, SLA columns, desk, and the ticket, event and
 * audit rows. `ref` is the identifier, or the store's expression of it (refAtCounter); in the
 * latter case `created.ref` is set once the store has answered.
 */
async function planTicket(
  ctx: ServiceContext,
  tx: Db,
  input: NewTicketInput,
  now: Date,
  defaults: CreationDefaults,
  ref: string | StoreValue,
) {
  const party = ctx.actor.party;
  const computed = priorityFor(
    input.impact,
    input.criticality,
    isCompleteMatrix(defaults.priorityMatrix) ? defaults.priorityMatrix : undefined,
  );
  const overridden = input.priority !== undefined && input.priority !== computed;
  if (overridden && !input.priorityReason?.trim())
    throw new AppError('ticket.priority_reason_required', 'priorityReason');
  const id = randomUUID();
  // The opening priority is the matrix's; an override follows as its own event with its reason.
  const createdFields = { title: input.title, channel: input.channel, priority: computed };
  // With the store's expression, `ref` is set from its answer before anything reads it (recordWithKnownDefaults).
  const created = { ref: typeof ref === 'string' ? ref : '', ...createdFields };
  const events: PendingEvent[] = [{ event: { kind: 'created', data: created } }];
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
  const slaTicket = { id, type: input.type, ownerParty: party, priority, service: input.service };
  // The party's SLA settings as of its version just read (cached per node, store/sla.ts).
  const sla = await slaEnvironmentFor(
    tx,
    [{ ...slaTicket, slaFacts: folded.patch.slaFacts }],
    now.getTime(),
    new Map(defaults.slaVersion ? [[party, defaults.slaVersion]] : []),
  );
  const slaColumns = slaColumnsIn(sla, { ...slaTicket, slaFacts: folded.patch.slaFacts, slaAlerts: [] }, now);
  // A new ticket has no team yet (SEC-2).
  const ticket: InsertedTicket = {
    id,
    ref,
    type: input.type,
    ownerParty: party,
    holderParty: party,
    participants: participantsOf(party, input),
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
    ...slaColumns,
  };
  return {
    ticket,
    events,
    created,
    /** The timeline rows as answered (`created.ref` set); `rows` as written. */
    folded: folded.rows,
    // The store writes the identifier it forms into the `created` event and the audit entry.
    rows:
      typeof ref === 'string'
        ? folded.rows
        : folded.rows.map((row, i) =>
            i === 0 ? { ...row, data: withRefAtCounter('created', createdFields, ref) } : row,
          ),
    audience: { subscriptions: defaults.subscriptions, sensitivity: input.sensitivity, team: null },
    audit: {
      actorId: ctx.actor.id,
      party,
      action: 'ticket.create',
      targetId: id,
      data: typeof ref === 'string' ? { ref, type: input.type } : withRefAtCounter('audit', { type: input.type }, ref),
    },
    groupName: defaults.deskName,
    sla,
  };
}

type TicketPlan = Awaited<ReturnType<typeof planTicket>>;

/** What follows the rows of a creation in its transaction: notifications and the requester's receipt. */
async function finishRecording(
  ctx: ServiceContext,
  tx: Db,
  input: NewTicketInput,
  now: Date,
  plan: TicketPlan,
  ticket: TicketRow,
): Promise<RecordedTicket> {
  await notifyEvents(tx, ticket, plan.events, ctx.actor.id, ctx.mail ?? false, now);
  // The requester outside Passerelle is told the number only: no content leaves by this mail.
  if (ctx.mail && input.reporterEmail && input.receipt !== false)
    await enqueueJob(tx, 'mail_receipt', { ticketId: ticket.id, to: input.reporterEmail, ...input.receipt });
  return { ticket, events: plan.folded, groupName: plan.groupName, sla: plan.sla };
}
