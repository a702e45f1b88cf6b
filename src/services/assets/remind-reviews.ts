import type { Db } from '../../store/db.ts';
import { claimOverdueReviews } from '../../store/assets.ts';

import { notifyAboutAsset } from './notify-stewards.ts';

/**
 * ISM-3 review reminders: once per overdue period (until the next review), each asset in
 * use whose review is due is brought to the security officers of its party — of every
 * party on it for a common asset — and only to those whose clearance covers it. Called by
 * the background loop, and by tests with a pinned `now`. Returns the notifications sent.
 */
export async function remindOverdueReviews(db: Db, now: Date = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    let sent = 0;
    for (const asset of await claimOverdueReviews(tx, now)) {
      const parties = asset.common ? [asset.partyId, ...asset.approvals.map((a) => a.party)] : [asset.partyId];
      sent += await notifyAboutAsset(
        tx,
        asset,
        [...new Set(parties)],
        ['security_officer'],
        'asset_review_due',
        { dueAt: asset.nextReviewAt.toISOString().slice(0, 10) },
        now,
      );
    }
    return sent;
  });
}
