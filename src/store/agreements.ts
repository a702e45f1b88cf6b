import { and, arrayContains, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { AgreementKind, ProposalStatus } from '../domain/agreement.ts';
import type { Db } from './db.ts';
import { agreementProposals } from './schema/index.ts';

export type ProposalRow = typeof agreementProposals.$inferSelect;

/** A proposal is read by the party that made it and every party whose acceptance it awaits. */
function proposalVisibleTo(party: string): SQL {
  return or(
    eq(agreementProposals.proposedByParty, party),
    eq(agreementProposals.partyId, party),
    arrayContains(agreementProposals.awaitedParties, [party]),
  ) as SQL;
}

export async function insertProposal(tx: Db, row: typeof agreementProposals.$inferInsert): Promise<ProposalRow> {
  const [inserted] = await tx.insert(agreementProposals).values(row).returning();
  return inserted!;
}

/** One proposal the party may read, locked for update when `lock` (null when invisible). */
export async function findProposal(db: Db, party: string, id: string, lock = false): Promise<ProposalRow | null> {
  const query = db
    .select()
    .from(agreementProposals)
    .where(and(eq(agreementProposals.id, id), proposalVisibleTo(party)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function lockProposal(db: Db, id: string): Promise<ProposalRow | null> {
  const [row] = await db.select().from(agreementProposals).where(eq(agreementProposals.id, id)).for('update');
  return row ?? null;
}

export async function listProposals(
  db: Db,
  party: string,
  filter: { status?: ProposalStatus | undefined; kind?: AgreementKind | undefined; party?: string | undefined },
  limit: number,
): Promise<ProposalRow[]> {
  const rules = [proposalVisibleTo(party)];
  if (filter.status) rules.push(eq(agreementProposals.status, filter.status));
  if (filter.kind) rules.push(eq(agreementProposals.kind, filter.kind));
  if (filter.party) rules.push(eq(agreementProposals.partyId, filter.party));
  return db
    .select()
    .from(agreementProposals)
    .where(and(...rules))
    .orderBy(desc(agreementProposals.createdAt), desc(agreementProposals.id))
    .limit(limit);
}

export async function updateProposal(tx: Db, id: string, patch: Partial<typeof agreementProposals.$inferInsert>) {
  const [row] = await tx.update(agreementProposals).set(patch).where(eq(agreementProposals.id, id)).returning();
  return row!;
}

/** The next version number of a party's agreement part. */
export async function nextVersion(tx: Db, partyId: string, kind: AgreementKind): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number | null>`max(${agreementProposals.version})` })
    .from(agreementProposals)
    .where(and(eq(agreementProposals.partyId, partyId), eq(agreementProposals.kind, kind)));
  return Number(row?.max ?? 0) + 1;
}
