import { assertMayGrant } from '../../domain/admin.ts';
import { AppError } from '../../domain/errors.ts';
import type { Role } from '../../domain/roles.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import { assertAdministersParty } from '../../policies/party-admin.ts';
import { lockPartyUser, updateUser } from '../../store/admin.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import { insertUser } from '../parties/create-user.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { detailsOf } from '../write-path/details.ts';
import { authorOf, loadVisibleTicket } from '../write-path/ticket-action.ts';
import { lockTicket } from '../../store/ticket-reads.ts';
import { appendEvents } from '../write-path/record-events.ts';
import { issueAccountLink, type LinkDelivery } from './account-links.ts';

interface Granted {
  userId: string;
  username: string;
  change: 'created' | 'changed';
  link: { url: string; expiresAt: Date; mailed: boolean } | null;
}

export const TOOL_ACCESS_REQUEST = 'tool_access';

export interface GrantToolAccessInput {
  /** An existing account of the party to change; absent: a new account is created and invited. */
  userId?: string | undefined;
  /** The new account's user name (required when no `userId`). */
  username?: string | undefined;
  roles: Role[];
  clearance: Sensitivity;
  groups?: string[] | undefined;
}

/** The request, checked: a `tool_access` request for this desk, of the administrator's party, approved. */
function assertGrantable(ticket: TicketRow, party: string) {
  const details = ticket.type === 'request' ? detailsOf(ticket, 'request') : null;
  if (!details || details.catalogueItem?.code !== TOOL_ACCESS_REQUEST)
    throw new AppError('validation.invalid', 'request', { field: 'request', detail: 'tool_access_request' });
  if (ticket.ownerParty !== party) throw new AppError('auth.forbidden');
  if ((details.values.tool ?? 'passerelle') !== 'passerelle')
    throw new AppError('validation.invalid', 'values.tool', { field: 'values.tool', detail: 'passerelle' });
  if (!details.approvals.some((a) => a.decision === 'approved')) throw new AppError('request.approval_required');
  return details.values;
}

/**
 * ISM-6: a party administrator grants an approved `tool_access` request: the account it asked
 * for is created (and invited by a one-time link) or the named account of the party is
 * changed, up to what the administrator may grant; the account and the request name each other
 * (the account's `accessRequestId`, an `account_granted` event on the request's timeline), in
 * one transaction with the audit entry.
 */
export async function grantToolAccess(
  ctx: ServiceContext,
  requestRef: string,
  input: GrantToolAccessInput,
  delivery: LinkDelivery,
) {
  const actor = ctx.actor;
  assertAdministersParty(actor, actor.party);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const visible = await loadVisibleTicket(tx, actor, requestRef);
    const request = await lockTicket(tx, visible.id);
    const values = assertGrantable(request, actor.party);
    let granted: Granted;
    if (input.userId) {
      const user = await lockPartyUser(tx, actor.party, input.userId);
      if (!user) throw new AppError('user.not_found', 'userId');
      if (user.id === actor.id) throw new AppError('access_review.own_account');
      assertMayGrant(actor, user, { roles: input.roles, clearance: input.clearance });
      await updateUser(tx, user.id, {
        roles: [...new Set(input.roles)],
        clearance: input.clearance,
        active: true,
        accessRequestId: request.id,
      });
      await writeAudit(
        tx,
        {
          actorId: actor.id,
          party: actor.party,
          action: 'user.update',
          targetId: user.id,
          data: {
            username: user.username,
            accessRequestId: request.id,
            before: { roles: user.roles, clearance: user.clearance, active: user.active },
            after: { roles: input.roles, clearance: input.clearance, active: true },
          },
        },
        now,
      );
      granted = { userId: user.id, username: user.username, change: 'changed', link: null };
    } else {
      if (!input.username) throw new AppError('validation.required', 'username', { field: 'username' });
      const user = await insertUser(
        tx,
        {
          party: actor.party,
          username: input.username,
          displayName: values.person || input.username,
          email: values.email || undefined,
          roles: input.roles,
          clearance: input.clearance,
          groups: input.groups,
          accessRequestId: request.id,
        },
        null,
        actor,
      );
      const link = await issueAccountLink(tx, user, 'invite', actor.id, delivery, now);
      granted = { userId: user.id, username: user.username, change: 'created', link };
    }
    // The request names the account on its timeline (internal: the owning party's own business).
    await appendEvents(
      tx,
      request.id,
      authorOf(ctx),
      [
        {
          event: {
            kind: 'account_granted',
            data: { party: actor.party, username: granted.username, change: granted.change },
          },
          visibility: 'internal',
        },
      ],
      now,
    );
    await writeAudit(
      tx,
      {
        actorId: actor.id,
        party: actor.party,
        action: 'request.access_granted',
        targetId: request.id,
        data: { userId: granted.userId, username: granted.username, change: granted.change },
      },
      now,
    );
    return { ...granted, ticket: await lockTicket(tx, request.id) };
  });
}
