import { z } from 'zod';
import { ASSET_ACTIONS, type Asset, type AssetReview } from '../contract/security.ts';
import { onLis, reviewOverdue } from '../domain/assets.ts';
import { mayApproveAsset, mayKeepAsset } from '../policies/asset-stewardship.ts';
import type { Actor } from '../domain/actor.ts';
import type { AssetView } from '../services/assets/read-assets.ts';
import type { AssetReviewRow } from '../store/assets.ts';

/** ISM-1/2/3 shapes of the inventory and the LIS, shared by validation and the OpenAPI document. */

export function presentAsset({ asset, parts }: AssetView, actor: Actor, now: Date): z.infer<typeof Asset> {
  const keeps = asset.status !== 'retired' && mayKeepAsset(actor, asset);
  const allowed = ASSET_ACTIONS.filter((action) =>
    action === 'approve' ? asset.status === 'pending' && mayApproveAsset(actor, asset) : keeps,
  );
  return {
    id: asset.id,
    party: asset.partyId,
    common: asset.common,
    name: asset.name,
    description: asset.description,
    owner: asset.owner,
    confidentiality: asset.confidentiality,
    integrity: asset.integrity,
    availability: asset.availability,
    sensitivity: asset.sensitivity,
    personalData: asset.personalData,
    notes: asset.notes,
    lis: onLis(asset),
    parts: parts.map((p) => ({
      id: p.id,
      name: p.name,
      party: p.partyId,
      common: p.common,
      sensitivity: p.sensitivity,
    })),
    status: asset.status,
    approvals: asset.approvals.map((a) => ({
      party: a.party,
      decision: a.decision,
      by: a.by,
      at: a.at,
      note: a.note,
    })),
    reviewIntervalDays: asset.reviewIntervalDays,
    nextReviewAt: asset.nextReviewAt.toISOString(),
    overdue: reviewOverdue(asset, now),
    createdAt: asset.createdAt.toISOString(),
    updatedAt: asset.updatedAt.toISOString(),
    version: asset.version,
    allowedActions: allowed,
  };
}

export function presentReview(r: AssetReviewRow): z.infer<typeof AssetReview> {
  return {
    id: r.id,
    outcome: r.outcome,
    note: r.note,
    reviewer: { id: r.reviewedBy, name: r.reviewerName },
    reviewedAt: r.reviewedAt.toISOString(),
  };
}
