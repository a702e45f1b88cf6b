import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { lifecycleOf } from '../src/domain/lifecycle.ts';
import { priorityFor, type Criticality, type Impact } from '../src/domain/priority.ts';
import { openStore, type StoreOptions } from '../src/store/db.ts';
import { instanceId } from '../src/store/instance.ts';
import { enqueueJob } from '../src/store/jobs.ts';
import { inOrder } from '../src/store/in-order.ts';
import { users } from '../src/store/schema/index.ts';
import type { WebhookAudience } from '../src/store/webhooks.ts';
import {
  foldEvents,
  insertEventRows,
  insertTicket,
  nextTicketNumber,
  refAtCounter,
  withRefAtCounter,
  writeAudit,
} from '../src/store/ticket-writes.ts';
import { runPhase, type PhaseResult } from './load.ts';
import { CREATES, PHASE_SECONDS } from './scenario.ts';
import { drawTexts } from './words.ts';

const SERVICES = ['Link', 'Registry', 'Portal', 'Mail relay'];
/** Bare creations before the timed ones: the statements prepared and the pages they write read once. */
const LIMIT_WARM_UP = 200;
/** The bench's parties have no webhook subscription: the server's read finds none and it queues no delivery. */
const NO_WEBHOOKS: WebhookAudience = { subscriptions: [], sensitivity: 'LIMITED', team: null };

/**
 * The store's own limit for creations: the bare create transaction — counter, ticket, event,
 * audit entry, job: five statements, with the store's own functions and the rows the server
 * writes — run by `concurrency` callers on the same store as the server, with the create
 * phase's budget (CREATES transactions or PHASE_SECONDS). The five statements are sent together,
 * as the server sends its own when it knows the party's defaults (it sends their re-read with
 * them): the identifier is formed by the store from the number it issues (refAtCounter), so
 * nothing waits for the number. No
 * authentication, validation, SLA computation, notification or answer: what is left is what the
 * store costs. The server must be stopped (the embedded store has one process); the tickets stay
 * in the store.
 */
export async function measureCreateLimit(where: StoreOptions, concurrency: number): Promise<PhaseResult> {
  // One connection per caller on PostgreSQL; the embedded store has one whatever the number.
  const store = await openStore({ ...where, poolSize: concurrency });
  try {
    const db = store.db;
    const instance = await instanceId(db);
    const [actor] = await db
      .select({ id: users.id, name: users.displayName, party: users.partyId })
      .from(users)
      .where(eq(users.username, 'eu.agent'));
    if (!actor) throw new Error('eu.agent is missing: run init --demo first');
    const texts = drawTexts(CREATES + LIMIT_WARM_UP, 11);
    const year = new Date().getUTCFullYear();
    const create = (i: number) =>
      db.transaction(async (tx) => {
        const now = new Date();
        const impact = `I${1 + (i % 3)}` as Impact;
        const criticality = `C${1 + (Math.floor(i / 3) % 3)}` as Criticality;
        const priority = priorityFor(impact, criticality);
        // The identifier is formed by the store from the number it issues, in the same round trip.
        const ref = refAtCounter(actor.party, 'incident', year);
        const id = randomUUID();
        const created = { title: texts.titles[i]!, channel: 'api' as const, priority };
        // The event's data as written is the store's (withRefAtCounter below); the fold reads its priority, not its ref.
        const folded = foldEvents(
          { id, eventSeq: 0, slaFacts: null, ownerParty: actor.party, type: 'incident' },
          { actorId: actor.id, actorName: actor.name, party: actor.party, instanceId: instance },
          [{ event: { kind: 'created', data: { ref: '', ...created } } }],
          now,
        );
        // Sent as the server sends them (services/tickets/create-ticket.ts, store/in-order.ts).
        await inOrder(
          tx,
          () => nextTicketNumber(tx, actor.party, 'incident', year),
          () =>
            insertTicket(tx, {
              id,
              ref,
              type: 'incident',
              ownerParty: actor.party,
              holderParty: actor.party,
              participants: [actor.party],
              title: texts.titles[i]!,
              description: texts.descriptions[i]!,
              service: SERVICES[i % SERVICES.length]!,
              impact,
              criticality,
              priority,
              sensitivity: 'LIMITED',
              status: lifecycleOf('incident').initial,
              channel: 'api',
              createdBy: actor.id,
              createdAt: now,
              updatedAt: now,
              ...folded.patch,
            }),
          () =>
            insertEventRows(tx, [{ ...folded.rows[0]!, data: withRefAtCounter('created', created, ref) }], NO_WEBHOOKS),
          () =>
            writeAudit(
              tx,
              {
                actorId: actor.id,
                party: actor.party,
                action: 'ticket.create',
                targetId: id,
                data: withRefAtCounter('audit', { type: 'incident' }, ref),
              },
              now,
            ),
          // A job as the outbox of a receipt mail would be (never run: the bench's store is dropped).
          () => enqueueJob(tx, 'mail_receipt', { ticketId: id, to: 'bench@example.invalid' }),
        );
      });
    // Untimed first, as the server's create phase follows its warm-up: the store was just opened.
    await runPhase({ concurrency, count: LIMIT_WARM_UP, maxSeconds: PHASE_SECONDS, send: (i) => create(CREATES + i) });
    return await runPhase({ concurrency, count: CREATES, maxSeconds: PHASE_SECONDS, send: create });
  } finally {
    await store.close();
  }
}
