import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { assertAdministersParty } from '../../policies/party-admin.ts';
import type { Db } from '../../store/db.ts';
import { findParty } from '../../store/directory.ts';
import { findMailboxByName, insertMailbox } from '../../store/mail.ts';
import { users } from '../../store/schema/index.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { mailKey, sealSecret } from './mail-secret.ts';
import { presentMailbox, type MailboxInput } from './mailbox-input.ts';

/**
 * COL-2: a party's administrator adds a mailbox. Its IMAP secret is sealed with MAIL_SECRET_KEY;
 * an account of the party that cannot sign in records what arrives in it. Actor null: the CLI.
 */
export async function createMailbox(
  db: Db,
  actor: Actor | null,
  partyId: string,
  input: MailboxInput,
  secretKey: string | undefined,
) {
  if (actor) assertAdministersParty(actor, partyId);
  const sealed = sealSecret(mailKey(secretKey), input.imapSecret);
  return db.transaction(async (tx) => {
    if (!(await findParty(tx, partyId))) throw new AppError('party.not_found', 'party');
    if (await findMailboxByName(tx, input.name)) throw new AppError('mailbox.exists', 'name');
    const gatewayUserId = randomUUID();
    await tx.insert(users).values({
      id: gatewayUserId,
      partyId,
      username: `mailbox:${input.name}`,
      displayName: `Mailbox ${input.name}`,
      email: null,
      passwordHash: null,
      roles: ['agent'],
      clearance: input.sensitivity,
      active: false,
    });
    const mailbox = await insertMailbox(tx, {
      id: randomUUID(),
      partyId,
      name: input.name,
      imapHost: input.imapHost,
      imapPort: input.imapPort,
      imapTls: input.imapTls,
      imapUser: input.imapUser,
      imapSecret: sealed,
      folder: input.folder ?? 'INBOX',
      ticketType: input.ticketType,
      service: input.service,
      sensitivity: input.sensitivity,
      address: input.address,
      maxAttachmentBytes: input.maxAttachmentBytes ?? 5_000_000,
      senderHourlyCap: input.senderHourlyCap ?? 20,
      enabled: input.enabled ?? true,
      gatewayUserId,
    });
    await writeAudit(tx, {
      actorId: actor?.id ?? null,
      party: partyId,
      action: 'mailbox.create',
      targetId: mailbox.id,
      data: { name: input.name, address: input.address },
    });
    return presentMailbox(mailbox);
  });
}
