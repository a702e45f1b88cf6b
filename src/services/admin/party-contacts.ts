import type { Actor } from '../../domain/actor.ts';
import type { PartyContacts } from '../../domain/admin.ts';
import { AppError } from '../../domain/errors.ts';
import { assertAdministersParty } from '../../policies/party-admin.ts';
import { readContacts, writeContacts } from '../../store/admin.ts';
import type { Db } from '../../store/db.ts';
import { writeAudit } from '../../store/ticket-writes.ts';

const EMPTY: PartyContacts = { desk: { email: null, phone: null }, onCall: { name: null, email: null, phone: null } };

/** PARTY-1: how to reach a party's desk and on-call person; every signed-in user of any party reads them. */
export async function readPartyContacts(db: Db, partyId: string): Promise<PartyContacts> {
  const contacts = await readContacts(db, partyId);
  if (contacts === undefined) throw new AppError('party.not_found', 'id');
  return contacts ?? EMPTY;
}

/** The party's own administrators set them; audited with the values before and after. */
export async function updatePartyContacts(db: Db, actor: Actor | null, partyId: string, contacts: PartyContacts) {
  if (actor) assertAdministersParty(actor, partyId);
  return db.transaction(async (tx) => {
    const before = await readContacts(tx, partyId);
    if (before === undefined) throw new AppError('party.not_found', 'id');
    await writeContacts(tx, partyId, contacts);
    await writeAudit(tx, {
      actorId: actor?.id ?? null,
      party: partyId,
      action: 'party.contacts',
      targetId: partyId,
      data: { before, after: contacts },
    });
    return contacts;
  });
}
