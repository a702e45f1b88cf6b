import { and, asc, desc, eq, getTableColumns } from 'drizzle-orm';
import type { Actor } from '../domain/actor.ts';
import { ticketVisibleTo } from '../policies/ticket-visibility.ts';
import { wikiPageVisibleTo } from '../policies/wiki-visibility.ts';
import type { Db } from './db.ts';
import { tickets, wikiApprovals, wikiPages, wikiTicketLinks, wikiVersions } from './schema/index.ts';

const { search: _search, ...PAGE_COLUMNS } = getTableColumns(wikiPages);
export type WikiPageRow = Omit<typeof wikiPages.$inferSelect, 'search'>;
export type WikiVersionRow = typeof wikiVersions.$inferSelect;
export type WikiApprovalRow = typeof wikiApprovals.$inferSelect;

/** The page with this slug if the actor may read it (else null); `lock` for a change. */
export async function findVisiblePage(db: Db, actor: Actor, slug: string, lock = false): Promise<WikiPageRow | null> {
  const query = db
    .select(PAGE_COLUMNS)
    .from(wikiPages)
    .where(and(eq(wikiPages.slug, slug), wikiPageVisibleTo(actor)));
  const rows = lock ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  const rows = await db.select({ id: wikiPages.id }).from(wikiPages).where(eq(wikiPages.slug, slug));
  return rows.length > 0;
}

export async function listVisiblePages(db: Db, actor: Actor): Promise<WikiPageRow[]> {
  return db.select(PAGE_COLUMNS).from(wikiPages).where(wikiPageVisibleTo(actor)).orderBy(asc(wikiPages.title));
}

export async function insertPage(
  db: Db,
  page: typeof wikiPages.$inferInsert,
  version: typeof wikiVersions.$inferInsert,
) {
  await db.insert(wikiPages).values(page);
  await db.insert(wikiVersions).values(version);
}

export async function updatePage(
  db: Db,
  id: string,
  values: Partial<typeof wikiPages.$inferInsert>,
  version: typeof wikiVersions.$inferInsert,
) {
  await db.update(wikiPages).set(values).where(eq(wikiPages.id, id));
  await db.insert(wikiVersions).values(version);
}

export async function pageVersions(db: Db, pageId: string): Promise<WikiVersionRow[]> {
  return db.select().from(wikiVersions).where(eq(wikiVersions.pageId, pageId)).orderBy(desc(wikiVersions.version));
}

export async function pageVersion(db: Db, pageId: string, version: number): Promise<WikiVersionRow | null> {
  const rows = await db
    .select()
    .from(wikiVersions)
    .where(and(eq(wikiVersions.pageId, pageId), eq(wikiVersions.version, version)));
  return rows[0] ?? null;
}

export async function markVersion(
  db: Db,
  pageId: string,
  version: number,
  values: { submittedAt?: Date; approvedAt?: Date },
) {
  await db
    .update(wikiVersions)
    .set(values)
    .where(and(eq(wikiVersions.pageId, pageId), eq(wikiVersions.version, version)));
}

export async function pageApprovals(db: Db, pageId: string): Promise<WikiApprovalRow[]> {
  return db.select().from(wikiApprovals).where(eq(wikiApprovals.pageId, pageId)).orderBy(asc(wikiApprovals.approvedAt));
}

export async function insertApproval(db: Db, row: typeof wikiApprovals.$inferInsert) {
  await db.insert(wikiApprovals).values(row).onConflictDoNothing();
}

export async function insertTicketLink(db: Db, pageId: string, ticketId: string, at: Date) {
  await db.insert(wikiTicketLinks).values({ pageId, ticketId, createdAt: at }).onConflictDoNothing();
}

/** The tickets a page links to that the actor may also see. */
export async function linkedTickets(db: Db, actor: Actor, pageId: string) {
  return db
    .select({ id: tickets.id, ref: tickets.ref, title: tickets.title, status: tickets.status, type: tickets.type })
    .from(wikiTicketLinks)
    .innerJoin(tickets, eq(tickets.id, wikiTicketLinks.ticketId))
    .where(and(eq(wikiTicketLinks.pageId, pageId), ticketVisibleTo(actor)))
    .orderBy(asc(tickets.ref));
}

/** The pages linking to a ticket that the actor may see (the ticket itself is checked by the caller). */
export async function pagesLinkingTo(db: Db, actor: Actor, ticketId: string) {
  return db
    .select({ id: wikiPages.id, slug: wikiPages.slug, title: wikiPages.title, kind: wikiPages.kind })
    .from(wikiTicketLinks)
    .innerJoin(wikiPages, eq(wikiPages.id, wikiTicketLinks.pageId))
    .where(and(eq(wikiTicketLinks.ticketId, ticketId), wikiPageVisibleTo(actor)))
    .orderBy(asc(wikiPages.title));
}
