import type { ServiceContext } from '../write-path/context.ts';
import { nowOf } from '../write-path/context.ts';
import { insertUser, type CreateUserInput } from '../parties/create-user.ts';
import { issueAccountLink, type LinkDelivery } from './account-links.ts';

export type InviteInput = Omit<CreateUserInput, 'password' | 'oidc'>;

/**
 * ISM-6 / PARTY-1: a party administrator invites a person: the account is created without a
 * password, with the roles and clearance the administrator may grant, and a one-time link
 * (e-mailed when mail is on) lets the invitee set their password.
 */
export async function inviteUser(ctx: ServiceContext, input: InviteInput, delivery: LinkDelivery) {
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const user = await insertUser(tx, input, null, ctx.actor);
    const link = await issueAccountLink(tx, user, 'invite', ctx.actor.id, delivery, now);
    return { user, link };
  });
}
