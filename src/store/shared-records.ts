import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgSelect } from 'drizzle-orm/pg-core';
import type { Actor } from '../domain/actor.ts';
import { AppError } from '../domain/errors.ts';
import { isUuid } from '../domain/identifiers.ts';
import { sharedRecordVisibleTo } from '../policies/shared-records.ts';

/** The columns every table of shared records (exchanges, vulnerability notices, meetings, contact points) has. */
export interface SharedRecordTable {
  id: PgColumn;
  sensitivity: PgColumn;
}

type Rows<Q extends PgSelect> = Q['_']['result'];

/**
 * CBM-3 / CBM-4 / CBM-6: the newest 500 records of `select` (the table's `.select().from(…).$dynamic()`)
 * that the actor's clearance covers, in `newestFirst` order.
 */
export function newestVisibleSharedRecords<Q extends PgSelect>(
  actor: Pick<Actor, 'clearance'>,
  table: SharedRecordTable,
  select: Q,
  ...newestFirst: SQL[]
): Promise<Rows<Q>> {
  return select
    .where(sharedRecordVisibleTo(actor, table.sensitivity))
    .orderBy(...newestFirst)
    .limit(500);
}

/** One record of `select` the actor may read, or 404 whether it is missing, malformed or above their clearance. */
export async function oneVisibleSharedRecord<Q extends PgSelect>(
  actor: Pick<Actor, 'clearance'>,
  table: SharedRecordTable,
  select: Q,
  id: string,
): Promise<Rows<Q>[number]> {
  if (!isUuid(id)) throw new AppError('cbm.not_found');
  const [row] = await select.where(and(eq(table.id, id), sharedRecordVisibleTo(actor, table.sensitivity)));
  if (!row) throw new AppError('cbm.not_found');
  return row;
}
