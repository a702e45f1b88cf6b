import type { Role } from '../../domain/roles.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import { assertMayShare } from '../../policies/shared-records.ts';
import type { Db } from '../../store/db.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { announceShared, type WHAT } from './notify-parties.ts';

/**
 * The records one party shares with every other: the roles that share one, the audit action, and
 * the console's list of them (a record is read at `{collection}/{id}`). The key names it in notices.
 */
export const SHARED_RECORDS = {
  exchange: {
    roles: ['level_manager', 'security_officer', 'party_admin'],
    action: 'exchange.submit',
    collection: '/exchanges',
  },
  vulnerability: {
    roles: ['security_officer', 'agent'],
    action: 'vulnerability.notify',
    collection: '/vulnerabilities',
  },
  meeting: {
    roles: ['level_manager', 'security_officer', 'party_admin'],
    action: 'meeting.schedule',
    collection: '/meetings',
  },
} as const satisfies Partial<Record<keyof typeof WHAT, { roles: readonly Role[]; action: string; collection: string }>>;

/**
 * CBM-3 / CBM-4 / CBM-6: the actor's party shares a new record with every other party. It is
 * classified LIMITED unless said otherwise, and shared only by one of the kind's roles and never
 * above the actor's clearance; `insert` checks what else it must and writes the record, then, in
 * the same transaction, it is audited and announced to the other parties' people cleared for it.
 */
export async function shareNewRecord<Row extends { id: string; title: string }>(
  ctx: ServiceContext,
  what: keyof typeof SHARED_RECORDS,
  requested: Sensitivity | undefined,
  insert: (tx: Db, sensitivity: Sensitivity, now: Date) => Promise<Row>,
): Promise<Row> {
  const kind = SHARED_RECORDS[what];
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
        what,
        title: row.title,
        path: `${kind.collection}/${row.id}`,
        sensitivity,
      },
      now,
    );
    return row;
  });
}
