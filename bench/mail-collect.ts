/**
 * One collector process of the mail benchmark's crash check: opens the embedded store in
 * DATA_DIR and reads every mailbox until nothing is left unseen (or until it is killed).
 */
import { collectAllMailboxes } from '../src/jobs/mail-collector.ts';
import { openStore } from '../src/store/db.ts';
import { instanceId } from '../src/store/instance.ts';

const store = await openStore({ dataDir: process.env.DATA_DIR! });
const counts = await collectAllMailboxes(store.db, {
  secretKey: process.env.MAIL_SECRET_KEY,
  instanceId: await instanceId(store.db),
  mail: true,
  holder: `bench-${process.pid}`,
  batch: 50,
  // A killed collector's lease must not hold the restarted one back.
  leaseMs: 1_000,
});
await store.close();
process.stdout.write(`${JSON.stringify(counts)}\n`);
