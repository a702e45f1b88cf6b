import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { assertAdministersOwnParty } from '../../policies/audit.ts';
import { readChainHead } from '../../store/audit.ts';
import type { Db } from '../../store/db.ts';
import { instanceId } from '../../store/instance.ts';
import { enqueueJob } from '../../store/jobs.ts';
import { notifications, partyExports, partyOffboardings } from '../../store/schema/index.ts';
import { activeUsersWithRoles, eraseRowsOf, markPartyErased, partnersOf, reclaimSpace } from '../../store/erasure.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { instanceKey, signText } from '../audit/instance-key.ts';
import type { ErasureCertificate } from '../../domain/evidence.ts';

const DAY = 86_400_000;
export const REMINDER_DAYS = 21;
/** Erasure runs a day before the 30-day limit, so a retried job still lands within it. */
export const ERASURE_DAYS = 29;

/** AUD-4: a party gives notice (its administrator, or the operator with no actor); reminder and erasure are scheduled as jobs. */
export async function giveNotice(db: Db, actor: Actor | null, party: string, now = new Date()) {
  if (actor) assertAdministersOwnParty(actor, party);
  return db.transaction(async (tx) => {
    const existing = await tx.select().from(partyOffboardings).where(eq(partyOffboardings.partyId, party));
    if (existing[0]) throw new AppError('offboarding.exists', 'party');
    const row = { partyId: party, noticeAt: now, noticedBy: actor?.id ?? null };
    await tx.insert(partyOffboardings).values(row);
    await enqueueJob(tx, 'offboarding_reminder', { party }, new Date(now.getTime() + REMINDER_DAYS * DAY));
    await enqueueJob(tx, 'party_erasure', { party }, new Date(now.getTime() + ERASURE_DAYS * DAY));
    await writeAudit(tx, { actorId: actor?.id ?? null, party, action: 'offboarding.notice', targetId: party }, now);
    return row;
  });
}

/** At 21 days: the party's administrators are reminded and offered their export (an in-app notification). */
export async function remindOffboarding(db: Db, party: string, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(partyOffboardings).where(eq(partyOffboardings.partyId, party)).for('update');
    if (!row || row.remindedAt || row.erasedAt) return 0;
    const admins = await activeUsersWithRoles(tx, [party], ['party_admin']);
    const erasureAt = new Date(row.noticeAt.getTime() + ERASURE_DAYS * DAY).toISOString();
    for (const admin of admins)
      await tx.insert(notifications).values({
        id: randomUUID(),
        userId: admin.id,
        kind: 'offboarding_reminder',
        ticketId: null,
        params: { party, erasureAt, exportPath: `/api/v1/parties/${party}/exports` },
        createdAt: now,
      });
    await tx.update(partyOffboardings).set({ remindedAt: now }).where(eq(partyOffboardings.partyId, party));
    await writeAudit(
      tx,
      { actorId: null, party, action: 'offboarding.reminder', targetId: party, data: { erasureAt } },
      now,
    );
    return admins.length;
  });
}

/**
 * AUD-4 erasure: in one transaction, deletes every row that belongs only to the party and its
 * content on shared tickets (what the remaining party wrote stays), keeps a tombstone of the party
 * (shared tickets still name their owner), signs a certificate (what, counts, hashes, time), records
 * it in the audit log and notifies the remaining parties' administrators and auditors; then reclaims
 * the space (VACUUM) and removes the party's export archives.
 */
export async function eraseParty(db: Db, party: string, now = new Date()): Promise<ErasureCertificate> {
  const instance = await instanceId(db);
  const key = await instanceKey(db);
  const files: string[] = [];
  const certificate = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(partyOffboardings).where(eq(partyOffboardings.partyId, party)).for('update');
    if (!row) throw new AppError('offboarding.not_found', 'party');
    if (row.certificate) return row.certificate;
    const partners = await partnersOf(tx, party);
    const auditHead = await readChainHead(tx);
    const exportsOf = await tx.select().from(partyExports).where(eq(partyExports.partyId, party));
    for (const e of exportsOf) if (e.file) files.push(e.file);
    const erased = await eraseRowsOf(tx, party);
    await tx.delete(partyExports).where(eq(partyExports.partyId, party));
    await markPartyErased(tx, party);
    const body = {
      format: 'passerelle-erasure-v1' as const,
      instanceId: instance,
      party,
      noticeAt: row.noticeAt.toISOString(),
      erasedAt: now.toISOString(),
      erased,
      auditHead,
      keyId: key.keyId,
      publicKey: key.publicKeyPem,
    };
    const signed: ErasureCertificate = { ...body, signature: signText(key, JSON.stringify(body)) };
    await tx
      .update(partyOffboardings)
      .set({ erasedAt: now, certificate: signed })
      .where(eq(partyOffboardings.partyId, party));
    await writeAudit(
      tx,
      { actorId: null, party, action: 'offboarding.erasure', targetId: party, data: { certificate: signed } },
      now,
    );
    // Issued to the remaining parties on shared tickets (the leaving party receives it from the operator: CLI output).
    const readers = await activeUsersWithRoles(tx, partners, ['party_admin', 'auditor']);
    for (const reader of readers)
      await tx.insert(notifications).values({
        id: randomUUID(),
        userId: reader.id,
        kind: 'erasure_certificate',
        ticketId: null,
        params: { party, erasedAt: signed.erasedAt },
        createdAt: now,
      });
    return signed;
  });
  for (const file of files) await rm(file, { force: true });
  await reclaimSpace(db);
  return certificate;
}

/** The certificate, for any party's administrators and auditors (the leaving party's and its partners'). */
export async function readErasureCertificate(db: Db, actor: Actor, party: string): Promise<ErasureCertificate> {
  if (!actor.roles.includes('party_admin') && !actor.roles.includes('auditor')) throw new AppError('auth.forbidden');
  const [row] = await db.select().from(partyOffboardings).where(eq(partyOffboardings.partyId, party));
  if (!row?.certificate) throw new AppError('offboarding.not_found', 'party');
  return row.certificate;
}
