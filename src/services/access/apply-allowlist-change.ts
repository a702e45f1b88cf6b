import { AppError } from '../../domain/errors.ts';
import { addressInBlocks, normaliseBlock, parseBlocks } from '../../domain/ip-blocks.ts';

import { deleteAllowlistEntry, insertAllowlistEntry, listPartyBlocks } from '../../store/access.ts';
import type { Db } from '../../store/db.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf } from '../write-path/details.ts';
import type { ActionOutcome } from '../write-path/ticket-action.ts';

export const ALLOWLIST_REQUEST = 'ip_allowlist_change';

/** True for a request of the catalogue's IP allow-list change type. */
export function isAllowlistRequest(ticket: TicketRow): boolean {
  return ticket.type === 'request' && detailsOf(ticket, 'request').catalogueItem?.code === ALLOWLIST_REQUEST;
}

/**
 * ISM-8 / REQ-5: closing an IP allow-list change request (approved by another party, fulfilled,
 * verified, accepted by the requester) applies it to the owning party's list, in the closing
 * transaction, and records it on the timeline. Refused when no other party approved it, or
 * when the list would no longer admit the address the closing desk works from (lock-out guard).
 */
export async function withAllowlistChange(
  ctx: ServiceContext,
  request: TicketRow,
  tx: Db,
  now: Date,
  outcome: ActionOutcome,
): Promise<ActionOutcome> {
  if (!isAllowlistRequest(request)) return outcome;
  const details = detailsOf(request, 'request');
  if (!details.approvals.some((a) => a.party !== request.ownerParty && a.decision === 'approved'))
    throw new AppError('request.approval_required');
  const party = request.ownerParty;
  const action = details.values.action === 'remove' ? 'remove' : 'add';
  const cidr = normaliseBlock(details.values.cidr ?? '');
  if (!cidr) throw new AppError('validation.invalid', 'values.cidr', { field: 'values.cidr', detail: 'cidr' });

  const current = await listPartyBlocks(tx, party);
  const next = action === 'add' ? [...new Set([...current, cidr])] : current.filter((c) => c !== cidr);
  if (ctx.address && ctx.actor.party === party && next.length > 0 && !addressInBlocks(ctx.address, parseBlocks(next))) {
    throw new AppError('request.allowlist_lockout', undefined, { address: ctx.address });
  }
  const changed =
    action === 'add'
      ? await insertAllowlistEntry(tx, {
          partyId: party,
          cidr,
          note: (details.values.justification ?? '').slice(0, 500),
          requestId: request.id,
          createdAt: now,
        })
      : await deleteAllowlistEntry(tx, party, cidr);
  return {
    ...outcome,
    events: [
      ...(outcome.events ?? []),
      { event: { kind: 'ip_allowlist_changed', data: { party, action, cidr, changed } } },
    ],
    audit: { ...outcome.audit, allowlist: { action, cidr, changed } },
  };
}
