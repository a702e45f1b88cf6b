import { z } from 'zod';
import { CONTACT_CHANNELS, CONTACT_LEVELS } from '../domain/contacts.ts';
import { Sensitivity } from './schemas.ts';

/** A point of contact (CBM-1) with its confirmation state. */
export const Contact = z.object({
  id: z.uuid(),
  party: z.string(),
  level: z.enum(CONTACT_LEVELS),
  structure: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  channels: z.array(z.enum(CONTACT_CHANNELS)),
  aroundTheClock: z.boolean(),
  escalationLevel: z.number().int().nullable(),
  sensitivity: Sensitivity,
  confirmedAt: z.iso.datetime(),
  confirmationDue: z.iso.datetime(),
  status: z.enum(['current', 'due_soon', 'stale']),
  removedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type Contact = z.output<typeof Contact>;

/** A recorded change to an entry, as shown to the other parties (CBM-1). */
export const ContactChange = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  party: z.string(),
  kind: z.enum(['created', 'updated', 'confirmed', 'removed']),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  at: z.iso.datetime(),
});
export type ContactChange = z.output<typeof ContactChange>;
