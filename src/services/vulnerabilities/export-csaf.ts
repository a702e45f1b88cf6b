import { csafAdvisory } from '../../domain/csaf.ts';
import { findParty } from '../../store/directory.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { getVulnerability } from './read-vulnerabilities.ts';

/** CBM-4: a notice the actor may read, as a CSAF 2.0 security advisory published by its party. */
export async function exportCsaf(ctx: ServiceContext, id: string, namespace: string) {
  const notice = await getVulnerability(ctx, id);
  const party = await findParty(ctx.db, notice.partyId);
  return csafAdvisory(notice, { name: party?.name ?? notice.partyId, namespace });
}
