import { and, asc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { ticketVisibleTo } from '../policies/ticket-visibility.ts';
import type { Actor } from '../domain/actor.ts';
import type { Db } from './db.ts';
import { certificates, tickets, trustedCas } from './schema/index.ts';
import type { CertificateState } from '../domain/certificates.ts';

export type TrustedCaRow = typeof trustedCas.$inferSelect;
export type CertificateRow = typeof certificates.$inferSelect;
/** A certificate with the change behind its renewal or revocation, when the reader may see that change. */
export type CertificateWithChange = CertificateRow & { change: { id: string; ref: string; status: string } | null };

/** Inserts a CA; null when one with this fingerprint is already on the list. */
export async function insertTrustedCa(db: Db, values: typeof trustedCas.$inferInsert): Promise<TrustedCaRow | null> {
  const rows = await db
    .insert(trustedCas)
    .values(values)
    .onConflictDoNothing({ target: trustedCas.fingerprint })
    .returning();
  return rows[0] ?? null;
}

export async function findTrustedCa(db: Db, id: string, lock = false): Promise<TrustedCaRow | null> {
  const query = db.select().from(trustedCas).where(eq(trustedCas.id, id));
  const rows = lock ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function listTrustedCas(db: Db): Promise<TrustedCaRow[]> {
  return db.select().from(trustedCas).orderBy(asc(trustedCas.createdAt), asc(trustedCas.id));
}

export async function setCaTrustedBy(db: Db, id: string, trustedBy: string[]): Promise<TrustedCaRow> {
  const rows = await db.update(trustedCas).set({ trustedBy }).where(eq(trustedCas.id, id)).returning();
  return rows[0]!;
}

/** Inserts a certificate; null when the party already registered one with this fingerprint. */
export async function insertCertificate(
  db: Db,
  values: typeof certificates.$inferInsert,
): Promise<CertificateRow | null> {
  const rows = await db.insert(certificates).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function lockCertificate(db: Db, id: string): Promise<CertificateRow | null> {
  const rows = await db.select().from(certificates).where(eq(certificates.id, id)).for('update');
  return rows[0] ?? null;
}

export async function updateCertificate(
  db: Db,
  id: string,
  patch: Partial<typeof certificates.$inferInsert>,
): Promise<CertificateRow> {
  const rows = await db
    .update(certificates)
    .set({ ...patch, version: sql`${certificates.version} + 1` })
    .where(eq(certificates.id, id))
    .returning();
  return rows[0]!;
}

/** Certificates of a party (or one certificate) with their change as the reader may see it. */
export async function readCertificates(
  db: Db,
  actor: Actor,
  where: { party?: string; id?: string },
): Promise<CertificateWithChange[]> {
  const conditions = [
    where.party ? eq(certificates.partyId, where.party) : undefined,
    where.id ? eq(certificates.id, where.id) : undefined,
  ].filter((c) => c !== undefined);
  const rows = await db
    .select({ certificate: certificates, changeId: tickets.id, changeRef: tickets.ref, changeStatus: tickets.status })
    .from(certificates)
    .leftJoin(tickets, and(eq(tickets.id, certificates.changeId), ticketVisibleTo(actor)))
    .where(and(...conditions))
    .orderBy(asc(certificates.notAfter), asc(certificates.id));
  return rows.map((r) => ({
    ...r.certificate,
    change:
      r.changeId && r.changeRef && r.changeStatus ? { id: r.changeId, ref: r.changeRef, status: r.changeStatus } : null,
  }));
}

/** Certificates whose renewal or revocation change has been decided (approved or later, or rejected). */
export async function certificatesWithDecidedChange(
  db: Db,
  scope: { party?: string | undefined; id?: string | undefined },
) {
  return db
    .select({ id: certificates.id })
    .from(certificates)
    .innerJoin(tickets, eq(tickets.id, certificates.changeId))
    .where(
      and(
        isNotNull(certificates.changeId),
        inArray(tickets.status, ['approved', 'implemented', 'reviewed', 'closed', 'rejected']),
        scope.party ? eq(certificates.partyId, scope.party) : undefined,
        scope.id ? eq(certificates.id, scope.id) : undefined,
        // Not yet settled: no approval or rejection of this very change in the history.
        sql`not exists (
          select 1 from jsonb_array_elements(${certificates.history}) h
          where h->>'changeId' = ${certificates.changeId}::text
            and h->>'kind' in ('renewal_approved', 'renewal_rejected', 'revocation_approved', 'revocation_rejected'))`,
      ),
    );
}

/** The change ticket's status and approvals. */
export async function changeDecision(db: Db, changeId: string) {
  const rows = await db
    .select({ id: tickets.id, ref: tickets.ref, status: tickets.status, details: tickets.details })
    .from(tickets)
    .where(eq(tickets.id, changeId));
  return rows[0] ?? null;
}

/** Live certificates ending before `until`: candidates for an expiry warning or for `expired`. */
export async function certificatesEndingBefore(db: Db, states: readonly CertificateState[], until: Date) {
  return db
    .select({ id: certificates.id })
    .from(certificates)
    .where(and(inArray(certificates.state, [...states]), lte(certificates.notAfter, until)));
}
