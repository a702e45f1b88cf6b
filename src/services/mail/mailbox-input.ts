import type { Sensitivity } from '../../domain/sensitivity.ts';
import type { MailboxRow } from '../../store/mail.ts';

/** A mailbox as set by its party's administrators (COL-2). */
export interface MailboxInput {
  name: string;
  imapHost: string;
  imapPort: number;
  imapTls: boolean;
  imapUser: string;
  /** The IMAP password; stored sealed, never shown again. */
  imapSecret: string;
  folder?: string | undefined;
  ticketType: 'incident' | 'problem';
  service: string;
  sensitivity: Sensitivity;
  address: string;
  maxAttachmentBytes?: number | undefined;
  senderHourlyCap?: number | undefined;
  enabled?: boolean | undefined;
}

/** What is shown of a mailbox: everything but its secret. */
export function presentMailbox(m: MailboxRow) {
  return {
    id: m.id,
    party: m.partyId,
    name: m.name,
    imapHost: m.imapHost,
    imapPort: m.imapPort,
    imapTls: m.imapTls,
    imapUser: m.imapUser,
    folder: m.folder,
    ticketType: m.ticketType,
    service: m.service,
    sensitivity: m.sensitivity,
    address: m.address,
    maxAttachmentBytes: m.maxAttachmentBytes,
    senderHourlyCap: m.senderHourlyCap,
    enabled: m.enabled,
    lastPolledAt: m.lastPolledAt?.toISOString() ?? null,
    lastError: m.lastError,
  };
}
export type MailboxView = ReturnType<typeof presentMailbox>;
