import { randomUUID } from 'node:crypto';
import { DEFAULT_CATALOGUE } from '../../domain/default-catalogue.ts';
import { insertCatalogueItem } from '../../store/catalogue.ts';
import type { Db } from '../../store/db.ts';

/** Gives a new party the default catalogue of request types and standard changes. */
export async function seedCatalogue(db: Db, partyId: string): Promise<void> {
  for (const item of DEFAULT_CATALOGUE) {
    await insertCatalogueItem(db, { id: randomUUID(), partyId, ...item, template: item.template ?? null });
  }
}
