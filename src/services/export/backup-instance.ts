import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { backupStore } from '../../store/backup.ts';
import type { Db } from '../../store/db.ts';
import { writeAudit } from '../../store/ticket-writes.ts';

/** AUD-5: a consistent backup of the whole instance into `file`, taken by a system administrator, audited. */
export async function backupInstance(db: Db, actor: Actor, file: string): Promise<void> {
  if (!actor.roles.includes('sysadmin')) throw new AppError('auth.forbidden');
  await backupStore(db, file);
  await writeAudit(db, { actorId: actor.id, party: actor.party, action: 'instance.backup' });
}
