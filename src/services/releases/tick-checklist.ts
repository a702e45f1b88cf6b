import { AppError } from '../../domain/errors.ts';
import type { ReleaseChecklistItem } from '../../domain/processes.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf, withDetails } from '../write-path/details.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

/** REL-6: one item of the verification and closure checklist, ticked by a named person. */
export function tickChecklist(
  ctx: ServiceContext,
  idOrRef: string,
  input: { item: ReleaseChecklistItem; version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'tick_checklist', input.version, (release, _tx, now) => {
    const checklist = detailsOf(release, 'release').checklist ?? {};
    if (checklist[input.item])
      throw new AppError('validation.invalid', 'item', { field: 'item', detail: 'already_ticked' });
    return {
      patch: withDetails(release, 'release', {
        checklist: { ...checklist, [input.item]: { by: ctx.actor.displayName, at: now.toISOString() } },
      }),
      events: [{ event: { kind: 'checklist_ticked', data: { item: input.item } } }],
    };
  });
}
