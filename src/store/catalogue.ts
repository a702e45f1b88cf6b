import { and, asc, eq } from 'drizzle-orm';
import type { Db } from './db.ts';
import { catalogueItems } from './schema/index.ts';
import type { CatalogueKind } from '../domain/catalogue.ts';

export type CatalogueRow = typeof catalogueItems.$inferSelect;

export function listCatalogue(db: Db, partyId: string, kind: CatalogueKind) {
  return db
    .select()
    .from(catalogueItems)
    .where(and(eq(catalogueItems.partyId, partyId), eq(catalogueItems.kind, kind)))
    .orderBy(asc(catalogueItems.code));
}

/** The active item of a party's catalogue with this code. */
export async function findCatalogueItem(
  db: Db,
  partyId: string,
  kind: CatalogueKind,
  code: string,
): Promise<CatalogueRow | null> {
  const rows = await db
    .select()
    .from(catalogueItems)
    .where(
      and(
        eq(catalogueItems.partyId, partyId),
        eq(catalogueItems.kind, kind),
        eq(catalogueItems.code, code),
        eq(catalogueItems.active, true),
      ),
    );
  return rows[0] ?? null;
}

export async function findCatalogueItemById(db: Db, id: string): Promise<CatalogueRow | null> {
  const rows = await db.select().from(catalogueItems).where(eq(catalogueItems.id, id));
  return rows[0] ?? null;
}

/** The new item, or null when the party already has one with this kind and code. */
export async function insertCatalogueItem(
  db: Db,
  values: typeof catalogueItems.$inferInsert,
): Promise<CatalogueRow | null> {
  const rows = await db.insert(catalogueItems).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function updateCatalogueItem(
  db: Db,
  id: string,
  values: Partial<typeof catalogueItems.$inferInsert>,
): Promise<CatalogueRow> {
  const rows = await db.update(catalogueItems).set(values).where(eq(catalogueItems.id, id)).returning();
  return rows[0]!;
}
