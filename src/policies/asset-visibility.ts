import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { levelsCoveredBy } from '../domain/sensitivity.ts';
import type { Actor } from '../domain/actor.ts';
import { informationAssets, notifications } from '../store/schema/index.ts';

/**
 * ISM-4 for the inventory and the LIS, in one place: a party-specific asset is visible to
 * its own party's users, a common asset to every party's, and only when the reader's
 * clearance covers the asset's derived level. Every read of assets — get, list, count,
 * search, parts of an aggregate, CSV export, notifications naming one — filters with this.
 */
export function assetVisibleTo(actor: Pick<Actor, 'party' | 'clearance'>): SQL {
  return and(
    or(eq(informationAssets.common, true), eq(informationAssets.partyId, actor.party)),
    inArray(informationAssets.sensitivity, levelsCoveredBy(actor.clearance)),
  ) as SQL;
}

/**
 * A ticket-less notification that names an asset (`params.assetId`) stays listed only while
 * its recipient may still see that asset (reclassified above their clearance: it drops out).
 */
export function assetNotificationVisibleTo(actor: Pick<Actor, 'party' | 'clearance'>): SQL {
  return sql`(${notifications.params}->>'assetId' is null or exists (
    select 1 from ${informationAssets}
    where ${informationAssets.id} = (${notifications.params}->>'assetId')::uuid and ${assetVisibleTo(actor)}))`;
}
