import type { CatalogueKind } from '../../domain/catalogue.ts';
import { listCatalogue } from '../../store/catalogue.ts';
import type { Db } from '../../store/db.ts';

/** REQ-5 / CHG-3: a party's request types or standard changes, for anyone who may file with it. */
export function readCatalogue(db: Db, party: string, kind: CatalogueKind) {
  return listCatalogue(db, party, kind);
}

export type CatalogueEntry = Awaited<ReturnType<typeof readCatalogue>>[number];
