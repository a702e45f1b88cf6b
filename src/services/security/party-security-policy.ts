import { eq } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import type { SecurityPolicy } from '../../domain/security.ts';
import { findParty } from '../../store/directory.ts';
import { parties } from '../../store/schema/index.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { securityPolicyOf } from './security-policy.ts';
import { NOTIFICATION_AGREEMENT_FIELDS } from '../../domain/agreement.ts';

const MAY_SET = ['security_officer', 'party_admin'];

/** SEC-7 / SEC-9: a party's notification policy and national severity scale (its own people only). */
export async function getSecurityPolicy(ctx: ServiceContext, party: string): Promise<SecurityPolicy> {
  if (ctx.actor.party !== party) throw new AppError('party.not_found');
  const row = await findParty(ctx.db, party);
  if (!row) throw new AppError('party.not_found');
  return securityPolicyOf(row.securityPolicy);
}

export async function setSecurityPolicy(
  ctx: ServiceContext,
  party: string,
  policy: SecurityPolicy,
): Promise<SecurityPolicy> {
  if (ctx.actor.party !== party) throw new AppError('party.not_found');
  if (!ctx.actor.roles.some((role) => MAY_SET.includes(role))) throw new AppError('auth.forbidden');
  // SNC 10.2: who is notified of what is common to the parties (a proposal); the roles told and the national scale are the party's own.
  const current = securityPolicyOf((await findParty(ctx.db, party))?.securityPolicy);
  for (const field of NOTIFICATION_AGREEMENT_FIELDS)
    if (JSON.stringify(current[field]) !== JSON.stringify(policy[field]))
      throw new AppError('agreement.proposal_required', field, { field });
  await ctx.db.transaction(async (tx) => {
    await tx.update(parties).set({ securityPolicy: policy }).where(eq(parties.id, party));
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      party,
      action: 'security.policy',
      targetId: party,
      data: { ...policy },
    });
  });
  return policy;
}
