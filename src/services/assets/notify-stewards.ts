import type { NotificationKind } from '../../domain/notifications.ts';
import { clearanceCovers } from '../../domain/sensitivity.ts';
import type { Role } from '../../domain/roles.ts';
import type { AssetRow } from '../../store/assets.ts';
import type { Db } from '../../store/db.ts';
import { insertTicketlessNotifications, prefsFor, usersWithRole } from '../../store/notifications.ts';

/**
 * In-app notifications about an asset to some parties' users holding one of `roles`, only
 * those whose clearance covers the asset (ISM-4) and who keep this kind on. Returns how many.
 */
export async function notifyAboutAsset(
  db: Db,
  asset: AssetRow,
  parties: readonly string[],
  roles: readonly Role[],
  kind: NotificationKind,
  params: Record<string, string>,
  now: Date,
): Promise<number> {
  // In sequence: `db` may be a transaction (one client, one query at a time).
  const found = [];
  for (const role of roles) found.push(...(await usersWithRole(db, [...parties], role)));
  const cleared = [...new Map(found.map((u) => [u.id, u])).values()].filter((u) =>
    clearanceCovers(u.clearance, asset.sensitivity),
  );
  const prefs = await prefsFor(
    db,
    cleared.map((u) => u.id),
    kind,
  );
  const recipients = cleared.filter((u) => prefs.get(u.id)?.inApp ?? true);
  await insertTicketlessNotifications(
    db,
    recipients.map((u) => ({
      userId: u.id,
      kind,
      params: { assetId: asset.id, name: asset.name, party: asset.partyId, ...params },
    })),
    now,
  );
  return recipients.length;
}
