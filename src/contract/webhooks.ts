import { z } from 'zod';
import { plain, Sensitivity } from './schemas.ts';

/** A webhook subscription of the caller's party, as `GET /webhooks` lists it (the secret is shown once, at creation). */
export const Subscription = z.object({
  id: z.uuid(),
  party: z.string(),
  url: z.string(),
  description: z.string(),
  eventKinds: z.array(z.string()),
  clearance: Sensitivity,
  status: z.enum(['active', 'paused']),
  pausedReason: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type Subscription = z.output<typeof Subscription>;
export const Created = Subscription.extend({ secret: z.string() });
const Attempt = z.object({
  at: z.iso.datetime(),
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
});
/** One delivery of an event to a subscription, with its attempts (`GET /webhooks/{id}/deliveries`). */
export const Delivery = z.object({
  id: z.uuid(),
  ref: z.string(),
  eventId: z.uuid(),
  eventKind: z.string(),
  status: z.enum(['pending', 'delivered', 'failed', 'withheld']),
  attempts: z.number().int(),
  nextAttemptAt: z.iso.datetime(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  deliveredAt: z.iso.datetime().nullable(),
  log: z.array(Attempt),
});
export type Delivery = z.output<typeof Delivery>;

/** What a party sends to create or change a subscription. */
export const WebhookInput = z.object({
  url: z.string().max(2000),
  description: plain(500).optional(),
  eventKinds: z.array(z.string().max(64)).max(100),
  clearance: Sensitivity,
});
