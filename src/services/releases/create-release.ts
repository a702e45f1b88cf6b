import { assertMayRecord } from '../../policies/recording.ts';
import type { ReleaseDetails } from '../../domain/processes.ts';
import type { Criticality, Impact } from '../../domain/priority.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import { foldEvents, insertEventRows, updateTicket } from '../../store/ticket-writes.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { insertNewTicket, type TicketFieldsInput } from '../tickets/create-ticket.ts';
import { authorOf } from '../write-path/ticket-action.ts';
import { bundleChange } from './add-change.ts';
import { slaDueAtOf } from '../sla/sla-due.ts';

export interface CreateReleaseInput extends Omit<TicketFieldsInput, 'impact' | 'criticality'> {
  impact?: Impact | undefined;
  criticality?: Criticality | undefined;
  changes?: string[] | undefined;
}

const EMPTY: ReleaseDetails = {
  changeIds: [],
  plan: null,
  buildTest: null,
  deployment: null,
  affectedParties: [],
  approvals: [],
  window: null,
  rollbacks: [],
  deployments: [],
  checklist: {},
};

/** REL-1: a release, bundling approved changes from the start or later. */
export async function createRelease(ctx: ServiceContext, input: CreateReleaseInput): Promise<TicketRow> {
  const sensitivity = input.sensitivity ?? 'LIMITED';
  assertMayRecord(ctx.actor, 'release', sensitivity);
  return ctx.db.transaction(async (tx) => {
    const now = nowOf(ctx);
    let release = await insertNewTicket(
      ctx,
      tx,
      {
        type: 'release',
        title: input.title,
        description: input.description,
        service: input.service,
        impact: input.impact ?? 'I3',
        criticality: input.criticality ?? 'C3',
        sensitivity,
        channel: input.channel ?? ctx.channel ?? 'api',
        details: { ...EMPTY, affectedParties: [ctx.actor.party] },
      },
      now,
    );
    const refs = [...new Set(input.changes ?? [])];
    if (refs.length === 0) return release;
    const events = [];
    for (const [index, ref] of refs.entries()) {
      const bundled = await bundleChange(ctx, tx, release, ref, `changes.${index}`, now);
      release = bundled.release;
      events.push(...bundled.events);
    }
    const folded = foldEvents(release, authorOf(ctx), events, now);
    const updated = await updateTicket(
      tx,
      release.id,
      {
        sensitivity: release.sensitivity,
        participants: release.participants,
        details: release.details,
        ...folded.patch,
        slaDueAt: await slaDueAtOf(tx, { ...release, ...folded.patch }, now),
      },
      now,
    );
    await insertEventRows(tx, folded.rows);
    return updated;
  });
}
