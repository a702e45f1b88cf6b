import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { attemptsOf, findDelivery, listDeliveries, updateDelivery } from '../../store/webhooks.ts';
import { assertCovers, readWebhook } from './manage-subscriptions.ts';

/** The delivery log of a subscription: each delivery with its attempts, newest first. */
export async function readDeliveries(db: Db, actor: Actor, subscriptionId: string, limit = 100) {
  await readWebhook(db, actor, subscriptionId);
  // The log names tickets: a reader sees the lines about tickets they may see themselves.
  const rows = await listDeliveries(db, actor, subscriptionId, limit);
  const attempts = await attemptsOf(
    db,
    rows.map((r) => r.delivery.id),
  );
  return rows.map((r) => ({ ...r.delivery, ref: r.ref, log: attempts.filter((a) => a.deliveryId === r.delivery.id) }));
}

/**
 * Sends a delivery again (same message id, so a receiver that already has it can tell): it goes
 * back in its ticket's line, re-checked against the subscription's sight when sent.
 */
export async function replayDelivery(db: Db, actor: Actor, subscriptionId: string, id: string, now = new Date()) {
  assertCovers(actor, await readWebhook(db, actor, subscriptionId));
  return db.transaction(async (tx) => {
    if (!(await findDelivery(tx, subscriptionId, id))) throw new AppError('webhook.delivery_not_found');
    const row = await updateDelivery(tx, id, { status: 'pending', nextAttemptAt: now, attempts: 0, lastError: null });
    await writeAudit(tx, { actorId: actor.id, party: actor.party, action: 'webhook.replay', targetId: id }, now);
    return row;
  });
}
