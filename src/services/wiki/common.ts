import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { clearanceCovers, type Sensitivity } from '../../domain/sensitivity.ts';
import type { Db } from '../../store/db.ts';
import { listParties } from '../../store/directory.ts';
import { findVisiblePage, pageVersion, type WikiPageRow } from '../../store/wiki.ts';

/** The page if the actor may read it; an invisible page is the same 404 as a missing one. */
export async function visiblePage(db: Db, actor: Actor, slug: string, lock = false): Promise<WikiPageRow> {
  const page = await findVisiblePage(db, actor, slug, lock);
  if (!page) throw new AppError('wiki.not_found');
  return page;
}

/** Auditors and requesters read pages; they do not write or approve them. */
export function assertMayWrite(actor: Actor): void {
  if (!actor.roles.some((r) => r !== 'auditor' && r !== 'requester')) throw new AppError('auth.forbidden');
}

/** The audience of a page: existing parties including the actor's own, a level the actor holds. */
export async function assertAudience(db: Db, actor: Actor, parties: string[], sensitivity: Sensitivity) {
  if (!parties.includes(actor.party)) throw new AppError('wiki.own_party_required', 'parties');
  const known = new Set((await listParties(db)).map((p) => p.id));
  const unknown = parties.find((p) => !known.has(p));
  if (unknown) throw new AppError('party.not_found', 'parties', { party: unknown });
  if (!clearanceCovers(actor.clearance, sensitivity)) throw new AppError('ticket.sensitivity_too_high', 'sensitivity');
}

/** A version of a guideline the actor may read, the page locked (COL-4 submission and approval). */
export async function guidelineVersion(db: Db, actor: Actor, slug: string, version: number) {
  const page = await visiblePage(db, actor, slug, true);
  if (page.kind !== 'guideline') throw new AppError('wiki.not_guideline');
  const row = await pageVersion(db, page.id, version);
  if (!row) throw new AppError('wiki.version_not_found', 'version', { version });
  return { page, row };
}
