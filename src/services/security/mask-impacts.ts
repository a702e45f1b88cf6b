import type { SecurityDetails } from '../../domain/security.ts';
import { visibleAssetsByIds } from '../../store/assets.ts';
import type { Db } from '../../store/db.ts';
import type { Actor } from '../../domain/actor.ts';

/**
 * ISM-4: an incident's analysis names the information assets it touched; a reader of the
 * incident who may not see one of them (another party's own asset, a level above their
 * clearance) reads the losses without the asset's name or id.
 */
export async function maskImpacts<T extends SecurityDetails>(db: Db, actor: Actor, details: T): Promise<T> {
  const impacts = details.impacts ?? [];
  if (impacts.length === 0) return details;
  const ids = impacts.flatMap((i) => (i.assetId ? [i.assetId] : []));
  const visible = new Set((await visibleAssetsByIds(db, actor, ids)).map((a) => a.id));
  const sees = (id: string | null) => id !== null && visible.has(id);
  if (impacts.every((i) => sees(i.assetId))) return details;
  return { ...details, impacts: impacts.map((i) => (sees(i.assetId) ? i : { ...i, assetId: null, assetName: null })) };
}
