import { checkSla } from '../src/jobs/sla-monitor.ts';
import { openStore, type StoreOptions } from '../src/store/db.ts';
import { instanceId } from '../src/store/instance.ts';

/**
 * Times one pass of the SLA monitor (the server runs it every SLA_CHECK_MS) over the store,
 * opened the way the server opens it. While a pass runs, the server's single embedded
 * connection serves nothing else, so its length is the stall every API client sees.
 */
export async function timeSlaCheck(where: StoreOptions): Promise<{ seconds: number; raised: number }> {
  const store = await openStore(where);
  try {
    const id = await instanceId(store.db);
    const t0 = performance.now();
    const raised = await checkSla(store.db, id, false);
    return { seconds: (performance.now() - t0) / 1000, raised };
  } finally {
    await store.close();
  }
}
