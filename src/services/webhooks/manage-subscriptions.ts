import { randomBytes, randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { clearanceCovers, type Sensitivity } from '../../domain/sensitivity.ts';
import { WEBHOOK_EVENT_KINDS, webhookUrlRefusal } from '../../domain/webhooks.ts';
import { assertAdministersParty } from '../../policies/party-admin.ts';
import type { Db } from '../../store/db.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import {
  findSubscription,
  insertSubscription,
  listSubscriptions,
  updateSubscription,
  type SubscriptionRow,
} from '../../store/webhooks.ts';

export type { SubscriptionRow };

export interface SubscriptionInput {
  url: string;
  description?: string | undefined;
  eventKinds: string[];
  clearance: Sensitivity;
}

/** The checks every subscription passes: an http(s) URL (http to this machine only), known kinds, clearance ≤ the creator's. */
function check(actor: Actor, input: Partial<SubscriptionInput>) {
  if (input.url !== undefined) {
    const detail = webhookUrlRefusal(input.url);
    if (detail) throw new AppError('validation.invalid', 'url', { field: 'url', detail });
  }
  const unknown = (input.eventKinds ?? []).findIndex((k) => !WEBHOOK_EVENT_KINDS.includes(k));
  if (unknown >= 0)
    throw new AppError('validation.invalid', `eventKinds.${unknown}`, { field: `eventKinds.${unknown}` });
  if (input.clearance !== undefined && !clearanceCovers(actor.clearance, input.clearance))
    throw new AppError('webhook.clearance_above_own', 'clearance');
}

/** IF-2: a party administrator subscribes an endpoint; the signing secret is returned this once. */
export async function createSubscription(db: Db, actor: Actor, input: SubscriptionInput) {
  assertAdministersParty(actor, actor.party);
  check(actor, input);
  return db.transaction(async (tx) => {
    const row = await insertSubscription(tx, {
      id: randomUUID(),
      partyId: actor.party,
      url: input.url,
      description: input.description ?? '',
      eventKinds: [...new Set(input.eventKinds)],
      clearance: input.clearance,
      secret: `whsec_${randomBytes(32).toString('base64')}`,
      createdBy: actor.id,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      party: actor.party,
      action: 'webhook.create',
      targetId: row.id,
      data: { url: row.url, clearance: row.clearance, eventKinds: row.eventKinds },
    });
    return row;
  });
}

/** Changes a subscription of the actor's party; resuming a paused one starts its queue again. */
export async function updateWebhook(
  db: Db,
  actor: Actor,
  id: string,
  input: Partial<SubscriptionInput> & { status?: 'active' | 'paused' | undefined },
) {
  assertAdministersParty(actor, actor.party);
  check(actor, input);
  return db.transaction(async (tx) => {
    const current = await findSubscription(tx, actor.party, id);
    if (!current) throw new AppError('webhook.not_found');
    assertCovers(actor, current);
    const patch: Parameters<typeof updateSubscription>[2] = {};
    if (input.url !== undefined) patch.url = input.url;
    if (input.description !== undefined) patch.description = input.description;
    if (input.eventKinds !== undefined) patch.eventKinds = [...new Set(input.eventKinds)];
    if (input.clearance !== undefined) patch.clearance = input.clearance;
    if (input.status === 'active')
      Object.assign(patch, { status: 'active', pausedReason: null, consecutiveFailures: 0 });
    if (input.status === 'paused') Object.assign(patch, { status: 'paused', pausedReason: 'admin' });
    const row = await updateSubscription(tx, id, patch);
    await writeAudit(tx, {
      actorId: actor.id,
      party: actor.party,
      action: 'webhook.update',
      targetId: id,
      data: { ...input },
    });
    return row;
  });
}

/** Only an administrator cleared for a subscription's level may redirect, resume or replay it. */
export function assertCovers(actor: Actor, sub: SubscriptionRow): void {
  if (!clearanceCovers(actor.clearance, sub.clearance)) throw new AppError('webhook.clearance_above_own', 'clearance');
}

export async function readWebhooks(db: Db, actor: Actor) {
  assertAdministersParty(actor, actor.party);
  return listSubscriptions(db, actor.party);
}

export async function readWebhook(db: Db, actor: Actor, id: string) {
  assertAdministersParty(actor, actor.party);
  const row = await findSubscription(db, actor.party, id);
  if (!row) throw new AppError('webhook.not_found');
  return row;
}
