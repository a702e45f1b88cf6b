import { z } from 'zod';

import { ASSET_STATUSES, CIA_LEVELS, onLis, REVIEW_OUTCOMES, reviewOverdue } from '../domain/assets.ts';
import { mayApproveAsset, mayKeepAsset } from '../policies/asset-stewardship.ts';
import type { Actor } from '../domain/actor.ts';
import type { AssetView } from '../services/assets/read-assets.ts';
import type { AssetReviewRow } from '../store/assets.ts';
import { Sensitivity } from '../contract/schemas.ts';

/** ISM-1/2/3 shapes of the inventory and the LIS, shared by validation and the OpenAPI document. */
export const CiaLevel = z.enum(CIA_LEVELS);
const ASSET_ACTIONS = ['update', 'approve', 'review'] as const;

export const AssetPart = z.object({
  id: z.uuid(),
  name: z.string(),
  party: z.string(),
  common: z.boolean(),
  sensitivity: Sensitivity,
});

export const Asset = z.object({
  id: z.uuid(),
  party: z.string(),
  common: z.boolean(),
  name: z.string(),
  description: z.string(),
  owner: z.string(),
  confidentiality: CiaLevel,
  integrity: CiaLevel,
  availability: CiaLevel,
  sensitivity: Sensitivity.describe('ETS level derived from C/I/A (ISM-2); never sent'),
  personalData: z.boolean(),
  notes: z.string(),
  lis: z.boolean().describe('on the sensitive information list: SENSITIVE, CRITICAL or personal data'),
  parts: z.array(AssetPart).describe('aggregate members the reader may see'),
  status: z.enum(ASSET_STATUSES),
  approvals: z.array(
    z.object({
      party: z.string(),
      decision: z.enum(['approved', 'refused', 'agreed', 'disagreed']).nullable(),
      by: z.string().nullable(),
      at: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  reviewIntervalDays: z.number().int(),
  nextReviewAt: z.iso.datetime(),
  overdue: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
  allowedActions: z.array(z.enum(ASSET_ACTIONS)),
});

export const AssetReview = z.object({
  id: z.uuid(),
  outcome: z.enum(REVIEW_OUTCOMES),
  note: z.string(),
  reviewer: z.object({ id: z.uuid().nullable(), name: z.string() }),
  reviewedAt: z.iso.datetime(),
});

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
