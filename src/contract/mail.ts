import { z } from 'zod';
import { Sensitivity } from './schemas.ts';

/** A mailbox the desk reads mail from (its secret is never sent back). */
export const Mailbox = z.object({
  id: z.uuid(),
  party: z.string(),
  name: z.string(),
  imapHost: z.string(),
  imapPort: z.number().int(),
  imapTls: z.boolean(),
  imapUser: z.string(),
  folder: z.string(),
  ticketType: z.enum(['incident', 'problem']),
  service: z.string(),
  sensitivity: Sensitivity,
  address: z.string(),
  maxAttachmentBytes: z.number().int(),
  senderHourlyCap: z.number().int(),
  enabled: z.boolean(),
  lastPolledAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
});
export type Mailbox = z.output<typeof Mailbox>;

/** A message held in quarantine instead of becoming a ticket or a comment. */
export const Quarantined = z.object({
  id: z.uuid(),
  mailboxId: z.uuid(),
  mailbox: z.string(),
  messageId: z.string(),
  sender: z.string(),
  subject: z.string(),
  reason: z.string(),
  detail: z.string().nullable(),
  size: z.number().int(),
  status: z.enum(['held', 'retried', 'dropped']),
  decidedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type Quarantined = z.output<typeof Quarantined>;
