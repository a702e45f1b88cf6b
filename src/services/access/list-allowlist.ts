import { assertMayReadAllowlist } from '../../policies/access.ts';
import { listPartyAllowlist } from '../../store/access.ts';
import type { Db } from '../../store/db.ts';
import type { Actor } from '../../domain/actor.ts';

/** ISM-8: a party's IP allow-list, with the request that created each entry (its administrators and auditors). */
export async function listAllowlist(db: Db, actor: Actor, partyId: string) {
  assertMayReadAllowlist(actor, partyId);
  const rows = await listPartyAllowlist(db, actor, partyId);
  return rows.map(({ entry, requestRef }) => ({
    id: entry.id,
    cidr: entry.cidr,
    note: entry.note,
    request: entry.requestId && requestRef ? { id: entry.requestId, ref: requestRef } : null,
    createdAt: entry.createdAt,
  }));
}
