import { aggregateCoversParts } from '../../domain/assets.ts';
import { AppError } from '../../domain/errors.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import { assetLevels, visibleAssetsByIds } from '../../store/assets.ts';
import type { Db } from '../../store/db.ts';
import type { Actor } from '../../domain/actor.ts';

/**
 * ISM-3 aggregates: the parts an aggregate will hold. Each requested part must be an asset
 * the actor may see, of the aggregate's party or common, and not the aggregate itself;
 * parts already there that the actor may not see are kept untouched (never dropped, never
 * named). The aggregate is at least as sensitive as every part.
 */
export async function resolveParts(
  db: Db,
  actor: Actor,
  aggregate: { id: string; partyId: string; sensitivity: Sensitivity },
  requested: readonly string[] | undefined,
  existing: readonly string[],
): Promise<string[]> {
  let parts = [...existing];
  if (requested) {
    const wanted = [...new Set(requested)];
    const visible = new Map((await visibleAssetsByIds(db, actor, [...wanted, ...existing])).map((a) => [a.id, a]));
    wanted.forEach((id, i) => {
      const field = `parts.${i}`;
      if (id === aggregate.id) throw new AppError('validation.invalid', field, { field, detail: 'own_part' });
      const part = visible.get(id);
      if (!part || !(part.common || part.partyId === aggregate.partyId))
        throw new AppError('validation.invalid', field, { field, detail: 'asset_part' });
    });
    parts = [...wanted, ...existing.filter((id) => !visible.has(id))];
  }
  if (!aggregateCoversParts(aggregate.sensitivity, await assetLevels(db, parts))) {
    throw new AppError('validation.invalid', 'parts', { field: 'parts', detail: 'aggregate_below_parts' });
  }
  return parts;
}
