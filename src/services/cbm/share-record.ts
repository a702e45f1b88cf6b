import type { Role } from '../../domain/roles.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import { assertMayShare } from '../../policies/shared-records.ts';
import type { Db } from '../../store/db.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { announceShared, type WHAT } from './notify-parties.ts';

/** How a kind of shared record is shared: who may, what its audit entry and notice say, where it is read. */
export interface SharedRecordKind {
  roles: readonly Role[];
  /** The audit action, e.g. `exchange.submit`. */
  action: string;
  what: keyof typeof WHAT;
  /** The console's list of such records, e.g. `/exchanges`; a record is read at `{collection}/{id}`. */
  collection: string;
}

/**
 * CBM-3 / CBM-4 / CBM-6: the actor's party shares a new record with every other party. It is
 * classified LIMITED unless said otherwise, and shared only by one of the kind's roles and never
 * above the actor's clearance; `insert` checks what else it must and writes the record, then, in
 * the same transaction, it is audited and announced to the other parties' people cleared for it.
 */
export async function shareNewRecord<Row extends { id: string; title: string }>(
  ctx: ServiceContext,
  kind: SharedRecordKind,
  requested: Sensitivity | undefined,
  insert: (tx: Db, sensitivity: Sensitivity, now: Date) => Promise<Row>,
): Promise<Row> {
  const sensitivity = requested ?? 'LIMITED';
  assertMayShare(ctx.actor, kind.roles, sensitivity);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await insert(tx, sensitivity, now);
    await announceShared(
      tx,
      ctx,
      {
        action: kind.action,
        id: row.id,
        what: kind.what,
        title: row.title,
        path: `${kind.collection}/${row.id}`,
        sensitivity,
      },
      now,
    );
    return row;
  });
}
