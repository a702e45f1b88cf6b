import type { Db } from '../store/db.ts';
import { isEmptyStore, seedDemo } from './seed-demo.ts';
import { seedShowcase } from './seed-showcase.ts';

/**
 * The demo of a first start (`serve`, `passerelle init --demo`): on an empty store, the EU/CH
 * parties and accounts, then assets, a CA both parties trust and tickets in every state (the test
 * stores seed only seedDemo). Returns the accounts created; none if the store already holds data.
 */
export async function seedFirstDemo(db: Db, instanceId: string): Promise<string[]> {
  if (!(await isEmptyStore(db))) return [];
  const usernames = await seedDemo(db, instanceId);
  await seedShowcase(db, instanceId);
  return usernames;
}
