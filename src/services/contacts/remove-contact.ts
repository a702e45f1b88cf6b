import type { ServiceContext } from '../write-path/context.ts';
import { changeOwnContact } from './change-contact.ts';

/** CBM-1: an entry withdrawn; its history stays and the other parties are told. */
export async function removeContact(ctx: ServiceContext, id: string) {
  return changeOwnContact(
    ctx,
    id,
    'removed',
    (now) => ({ removedAt: now }),
    (now) => ({ removedAt: { from: null, to: now.toISOString() } }),
  );
}
