import type { Actor } from '../../domain/actor.ts';
import { assertAdministersParty } from '../../policies/party-admin.ts';
import type { Db } from '../../store/db.ts';
import { listMailboxes } from '../../store/mail.ts';
import { presentMailbox } from './mailbox-input.ts';

/** A party's mailboxes, for its administrators (actor null: the CLI). */
export async function readMailboxes(db: Db, actor: Actor | null, partyId: string) {
  if (actor) assertAdministersParty(actor, partyId);
  return (await listMailboxes(db, partyId)).map(presentMailbox);
}
