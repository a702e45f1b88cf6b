import { eq } from 'drizzle-orm';
import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { assertAdministersParty } from '../../policies/party-admin.ts';
import type { Db } from '../../store/db.ts';
import { findMailbox, findMailboxByName, updateMailbox } from '../../store/mail.ts';
import { users } from '../../store/schema/index.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { mailKey, sealSecret } from './mail-secret.ts';
import { presentMailbox, type MailboxInput } from './mailbox-input.ts';

/** Changes a mailbox of the administrator's party; a new secret is sealed again, an absent one kept. */
export async function updateMailboxSettings(
  db: Db,
  actor: Actor | null,
  partyId: string,
  mailboxId: string,
  input: Partial<MailboxInput>,
  secretKey: string | undefined,
) {
  if (actor) assertAdministersParty(actor, partyId);
  const sealed = input.imapSecret ? sealSecret(mailKey(secretKey), input.imapSecret) : undefined;
  return db.transaction(async (tx) => {
    const mailbox = await findMailbox(tx, mailboxId);
    if (!mailbox || mailbox.partyId !== partyId) throw new AppError('mailbox.not_found');
    if (input.name && input.name !== mailbox.name && (await findMailboxByName(tx, input.name)))
      throw new AppError('mailbox.exists', 'name');
    const { imapSecret: _secret, ...rest } = input;
    const patch = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    const updated = await updateMailbox(tx, mailboxId, { ...patch, ...(sealed ? { imapSecret: sealed } : {}) });
    // The recording account follows the mailbox's level: it records at that level, never above.
    if (input.sensitivity || input.name)
      await tx
        .update(users)
        .set({
          ...(input.sensitivity ? { clearance: input.sensitivity } : {}),
          ...(input.name ? { username: `mailbox:${input.name}`, displayName: `Mailbox ${input.name}` } : {}),
        })
        .where(eq(users.id, mailbox.gatewayUserId));
    await writeAudit(tx, {
      actorId: actor?.id ?? null,
      party: partyId,
      action: 'mailbox.update',
      targetId: mailboxId,
      data: { fields: Object.keys(input) },
    });
    return presentMailbox(updated!);
  });
}
