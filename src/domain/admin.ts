import { z } from 'zod';
import { AppError } from './errors.ts';
import { assertMayGrantRoles } from './access-reviews.ts';
import type { Role } from './roles.ts';
import { sensitivityRank, type Sensitivity } from './sensitivity.ts';

/** PARTY-1: how the other party reaches a party's desk and its on-call person. */
export const PartyContactsSchema = z.object({
  desk: z.object({
    email: z.email().max(200).nullable(),
    phone: z.string().trim().max(40).nullable(),
  }),
  onCall: z.object({
    name: z.string().trim().max(120).nullable(),
    email: z.email().max(200).nullable(),
    phone: z.string().trim().max(40).nullable(),
  }),
});
export type PartyContacts = z.infer<typeof PartyContactsSchema>;

/** IF-4: single sign-on creates accounts at first sign-in, or only links to accounts that exist. */
export const ACCOUNT_MODES = ['create', 'link'] as const;
export type AccountMode = (typeof ACCOUNT_MODES)[number];

/** One-time links: an invitation to a new account, or a password reset. */
export type AccountLinkPurpose = 'invite' | 'reset';

/** How long a one-time link stays good. */
export const LINK_HOURS = { invite: 72, reset: 24 } as const;

export interface Granter {
  id: string;
  party: string;
  roles: readonly Role[];
  clearance: Sensitivity;
}

/**
 * ISM-6: what a party administrator may hand out: a clearance up to their own, roles as
 * `mayGrantRole` allows. `before` is what the account holds now (nothing for a new one);
 * keeping what it already has, or taking away, is always allowed.
 */
export function assertMayGrant(
  granter: Granter,
  before: { roles: readonly Role[]; clearance: Sensitivity | null },
  after: { roles?: readonly Role[] | undefined; clearance?: Sensitivity | undefined },
): void {
  if (after.clearance !== undefined) {
    const raised = before.clearance === null || sensitivityRank(after.clearance) > sensitivityRank(before.clearance);
    if (raised && sensitivityRank(after.clearance) > sensitivityRank(granter.clearance))
      throw new AppError('access_review.clearance_above_own', 'clearance');
  }
  if (after.roles !== undefined) assertMayGrantRoles(granter.roles, before.roles, after.roles);
}
