import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './db.ts';
import { instanceSettings } from './schema/index.ts';

export async function readSetting<T>(db: Db, key: string): Promise<T | null> {
  const rows = await db.select().from(instanceSettings).where(eq(instanceSettings.key, key));
  // Each key is written by one module with one shape (readSetting's callers pass that shape).
  return (rows[0]?.value as T | undefined) ?? null;
}

/** This instance's UUID, created on first use; stamped on every timeline event (FED). */
export async function instanceId(db: Db): Promise<string> {
  const existing = await readSetting<string>(db, 'instance_id');
  if (existing) return existing;
  const id = randomUUID();
  await writeSettingOnce(db, 'instance_id', id);
  return (await readSetting<string>(db, 'instance_id')) ?? id;
}

/** Records an instance setting once: the first value written stays (several nodes may write it at once). */
export async function writeSettingOnce(db: Db, key: string, value: unknown): Promise<void> {
  await db.insert(instanceSettings).values({ key, value }).onConflictDoNothing();
}
