import type { ServiceContext } from '../write-path/context.ts';
import { changeOwnContact } from './change-contact.ts';

/** CBM-1: the yearly confirmation that an entry is still right; its year starts again. */
export async function confirmContact(ctx: ServiceContext, id: string) {
  return changeOwnContact(
    ctx,
    id,
    'confirmed',
    (now) => ({ confirmedAt: now, confirmedBy: ctx.actor.id }),
    () => ({}),
  );
}
