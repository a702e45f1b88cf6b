import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { assertAdministersParty } from '../../policies/party-admin.ts';
import type { Db } from '../../store/db.ts';
import { findMailbox, findQuarantine, listQuarantine, updateQuarantine } from '../../store/mail.ts';
import { ingestMessage, type IngestSettings } from './ingest-message.ts';

/** The party's quarantined mail (COL-2), for its administrators; actor null: the CLI. */
export async function readQuarantine(db: Db, actor: Actor | null, partyId: string, status?: string) {
  if (actor) assertAdministersParty(actor, partyId);
  return (await listQuarantine(db, partyId, status)).map((q) => ({
    ...q,
    decidedAt: q.decidedAt?.toISOString() ?? null,
    createdAt: q.createdAt.toISOString(),
  }));
}

async function heldMessage(db: Db, actor: Actor | null, partyId: string, id: string) {
  if (actor) assertAdministersParty(actor, partyId);
  const held = await findQuarantine(db, id);
  if (!held || held.partyId !== partyId) throw new AppError('quarantine.not_found');
  if (held.status !== 'held') throw new AppError('quarantine.decided');
  return held;
}

/**
 * Retries a quarantined message through the same ingestion (the sender's hourly cap aside: an
 * administrator decided); it stays quarantined, with the new reason, if it still cannot be read.
 */
export async function retryQuarantined(
  db: Db,
  actor: Actor | null,
  partyId: string,
  id: string,
  settings: IngestSettings,
) {
  const held = await heldMessage(db, actor, partyId, id);
  const mailbox = await findMailbox(db, held.mailboxId);
  if (!mailbox) throw new AppError('mailbox.not_found');
  return ingestMessage(db, mailbox, held.raw, settings, {
    retryOf: held.id,
    decidedBy: actor?.id ?? null,
  });
}

/** Drops a quarantined message: it is kept as dropped (with who and when), its content erased. */
export async function dropQuarantined(db: Db, actor: Actor | null, partyId: string, id: string) {
  const held = await heldMessage(db, actor, partyId, id);
  await updateQuarantine(db, held.id, {
    status: 'dropped',
    raw: Buffer.alloc(0),
    decidedBy: actor?.id ?? null,
    decidedAt: new Date(),
  });
  return { id: held.id, status: 'dropped' as const };
}
