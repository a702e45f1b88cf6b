import type { ServiceContext } from '../write-path/context.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

export interface CommentInput {
  body: string;
  visibility: 'internal' | 'shared';
  version?: number | undefined;
}

/** TKT-4: an internal comment is seen by the owning party only; a shared one by all parties. */
export function commentOnTicket(ctx: ServiceContext, idOrRef: string, input: CommentInput) {
  return runTicketAction(ctx, idOrRef, 'comment', input.version, () => ({
    events: [{ event: { kind: 'comment', data: { body: input.body } }, visibility: input.visibility }],
  }));
}
