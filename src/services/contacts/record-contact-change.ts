import { randomUUID } from 'node:crypto';
import type { Db } from '../../store/db.ts';
import { contactPointChanges } from '../../store/schema/index.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { notifyParties, WHAT } from '../cbm/notify-parties.ts';
import type { ServiceContext } from '../write-path/context.ts';
import type { ContactChangeRow, ContactRow } from './read-contacts.ts';

/**
 * CBM-1: records a change to an entry in its history and, unless it is a mere confirmation,
 * tells the other parties at once (CBM 8 asks within 30 days) — those cleared for the entry.
 */
export async function recordContactChange(
  tx: Db,
  ctx: ServiceContext,
  contact: ContactRow,
  kind: ContactChangeRow['kind'],
  changes: ContactChangeRow['changes'],
  now: Date,
) {
  await tx.insert(contactPointChanges).values({
    id: randomUUID(),
    contactId: contact.id,
    partyId: contact.partyId,
    kind,
    changes,
    byId: ctx.actor.id,
    at: now,
  });
  await writeAudit(
    tx,
    { actorId: ctx.actor.id, party: contact.partyId, action: `contact.${kind}`, targetId: contact.id },
    now,
  );
  if (kind === 'confirmed') return;
  await notifyParties(
    tx,
    {
      kind: 'cbm_shared',
      parties: { except: contact.partyId },
      sensitivity: contact.sensitivity,
      params: {
        ...WHAT.contact,
        party: contact.partyId,
        title: `${contact.level}: ${contact.name}`,
        path: '/contacts',
      },
    },
    now,
  );
}
