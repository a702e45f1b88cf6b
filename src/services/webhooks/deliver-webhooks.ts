import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import type { Actor } from '../../domain/actor.ts';
import {
  CROSS_TICKET_KINDS,
  MAX_DELIVERY_ATTEMPTS,
  PAUSE_AFTER_FAILURES,
  retryDelayMs,
} from '../../domain/webhooks.ts';
import type { Db } from '../../store/db.ts';
import { insertTicketlessNotifications, usersWithRole } from '../../store/notifications.ts';
import { ticketEvents } from '../../store/schema/index.ts';
import { findVisibleTicket } from '../../store/ticket-reads.ts';
import { findUser } from '../../store/directory.ts';
import { clearanceCovers } from '../../domain/sensitivity.ts';
import {
  claimDueDelivery,
  insertAttempt,
  subscriptionById,
  updateDelivery,
  updateSubscription,
  type DeliveryRow,
  type SubscriptionRow,
} from '../../store/webhooks.ts';

const LEASE_MS = 60_000;
const TIMEOUT_MS = 10_000;

export interface DeliverySettings {
  /** First retry delay; doubled at each failed attempt (WEBHOOK_RETRY_BASE_MS). */
  retryBaseMs: number;
}

/**
 * What the subscription sees: its party, its clearance — never above its creator's as it is now (a
 * creator whose clearance was lowered lowers it; a disabled creator's subscriptions see nothing) —,
 * no team membership and no role that passes teams.
 */
async function sightOf(db: Db, sub: SubscriptionRow): Promise<Actor | null> {
  const creator = await findUser(db, sub.createdBy);
  if (!creator?.active || creator.partyId !== sub.partyId) return null;
  return {
    id: sub.id,
    username: `webhook:${sub.id}`,
    displayName: 'webhook',
    party: sub.partyId,
    roles: [],
    clearance: clearanceCovers(creator.clearance, sub.clearance) ? sub.clearance : creator.clearance,
    language: 'en',
  };
}

/** The message body (Standard Webhooks: type, timestamp, data), built when sent from what the subscription may see now. */
async function messageOf(db: Db, sub: SubscriptionRow, delivery: DeliveryRow) {
  const sight = await sightOf(db, sub);
  const ticket = sight && (await findVisibleTicket(db, sight, delivery.ticketId, true));
  if (!ticket) return null;
  const [event] = await db.select().from(ticketEvents).where(eq(ticketEvents.id, delivery.eventId));
  if (!event || (event.visibility !== 'shared' && event.party !== sub.partyId)) return null;
  return {
    type: `ticket.${event.kind}`,
    timestamp: event.createdAt.toISOString(),
    data: {
      ticket: {
        ref: ticket.ref,
        type: ticket.type,
        title: ticket.title,
        status: ticket.status,
        priority: ticket.priority,
        sensitivity: ticket.sensitivity,
        ownerParty: ticket.ownerParty,
        holderParty: ticket.holderParty,
      },
      event: {
        id: event.id,
        seq: event.seq,
        kind: event.kind,
        visibility: event.visibility,
        party: event.party,
        actorName: event.actorName,
        at: event.createdAt.toISOString(),
        data: CROSS_TICKET_KINDS.includes(event.kind) ? {} : event.data,
      },
    },
  };
}

async function post(url: string, headers: Record<string, string>, body: string) {
  const started = Date.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Passerelle-Webhooks/1', ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    return { status: response.status, error: response.ok ? null : `HTTP ${response.status}`, ms: Date.now() - started };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return {
      status: null,
      error: cause ?? (error instanceof Error ? error.message : String(error)),
      ms: Date.now() - started,
    };
  }
}

/** Records a failed attempt: back-off, give-up after the last attempt, and the pause of an endpoint that keeps failing. */
async function recordFailure(
  db: Db,
  sub: SubscriptionRow,
  delivery: DeliveryRow,
  result: { status: number | null; error: string },
  settings: DeliverySettings,
  now: Date,
) {
  const last = delivery.attempts >= MAX_DELIVERY_ATTEMPTS;
  await updateDelivery(db, delivery.id, {
    status: last ? 'failed' : 'pending',
    nextAttemptAt: new Date(now.getTime() + (last ? 0 : retryDelayMs(delivery.attempts, settings.retryBaseMs))),
    lastStatus: result.status,
    lastError: result.error,
  });
  const failures = sub.consecutiveFailures + 1;
  const pause = failures >= PAUSE_AFTER_FAILURES && sub.status === 'active';
  await updateSubscription(
    db,
    sub.id,
    pause
      ? { consecutiveFailures: failures, status: 'paused', pausedReason: 'failures' }
      : { consecutiveFailures: failures },
  );
  if (!pause) return;
  const admins = await usersWithRole(db, [sub.partyId], 'party_admin');
  await insertTicketlessNotifications(
    db,
    admins.map((u) => ({
      userId: u.id,
      kind: 'webhook_paused' as const,
      params: { subscriptionId: sub.id, url: sub.url, failures: String(failures) },
    })),
    now,
  );
}

/** Attempts one claimed delivery and records the outcome in the log. */
async function attempt(db: Db, delivery: DeliveryRow, settings: DeliverySettings, now: Date) {
  const sub = await subscriptionById(db, delivery.subscriptionId);
  if (!sub) return;
  const message = await messageOf(db, sub, delivery);
  if (!message) {
    // The ticket left the subscription's sight (reclassified, team-restricted, party removed) before sending.
    await updateDelivery(db, delivery.id, { status: 'withheld', lastError: 'withheld' });
    await insertAttempt(db, { deliveryId: delivery.id, at: now, status: null, error: 'withheld', durationMs: 0 });
    return;
  }
  const body = JSON.stringify(message);
  // The signature's timestamp is the real sending time: receivers check it against their clock.
  const sentAt = new Date();
  const signature = new Webhook(sub.secret.slice('whsec_'.length)).sign(delivery.id, sentAt, body);
  const result = await post(
    sub.url,
    {
      'webhook-id': delivery.id,
      'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
      'webhook-signature': signature,
    },
    body,
  );
  await insertAttempt(db, {
    deliveryId: delivery.id,
    at: now,
    status: result.status,
    error: result.error,
    durationMs: result.ms,
  });
  if (result.error === null) {
    await updateDelivery(db, delivery.id, {
      status: 'delivered',
      deliveredAt: now,
      lastStatus: result.status,
      lastError: null,
    });
    if (sub.consecutiveFailures > 0) await updateSubscription(db, sub.id, { consecutiveFailures: 0 });
    return;
  }
  await recordFailure(db, sub, delivery, { status: result.status, error: result.error }, settings, now);
}

/** Sends what is due, one delivery at a time, until nothing is due or `limit` is reached; returns how many were attempted. */
export async function deliverDueWebhooks(db: Db, settings: DeliverySettings, now = new Date(), limit = 50) {
  let done = 0;
  while (done < limit) {
    const delivery = await claimDueDelivery(db, now, LEASE_MS);
    if (!delivery) break;
    done++;
    await attempt(db, delivery, settings, now);
  }
  return done;
}
