import type { CertificateHistoryEntry } from '../../domain/certificates.ts';
import { trustedByAll } from '../../domain/certificates.ts';
import type { Db } from '../../store/db.ts';
import { listTrustedCas, type TrustedCaRow } from '../../store/certificates.ts';
import { listParties } from '../../store/directory.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { issuedBy, parseCertificatePem, type ParsedCertificate } from './pem.ts';

/** Every party on the link: a CA counts, and a renewal or revocation is joint, only with all of them. */
export async function allPartyIds(db: Db): Promise<string[]> {
  return (await listParties(db)).map((p) => p.id);
}

/** A history line signed by the actor. */
export function historyEntry(
  ctx: ServiceContext,
  kind: string,
  at: Date,
  extra: Record<string, unknown> = {},
): CertificateHistoryEntry {
  return {
    kind,
    at: at.toISOString(),
    by: ctx.actor.displayName,
    byId: ctx.actor.id,
    party: ctx.actor.party,
    ...extra,
  };
}

/** The history as stored (jsonb, typed by its column). */
export function historyOf(row: { history: CertificateHistoryEntry[] | null }): CertificateHistoryEntry[] {
  return row.history ?? [];
}

/** The CA, trusted by every party, whose key signed this certificate; null when there is none. */
export async function trustedIssuerOf(db: Db, cert: ParsedCertificate): Promise<TrustedCaRow | null> {
  // In sequence: `db` may be a transaction (one client, one query at a time).
  const parties = await allPartyIds(db);
  const cas = await listTrustedCas(db);
  return cas.find((ca) => trustedByAll(ca.trustedBy, parties) && issuedBy(cert, parseCertificatePem(ca.pem))) ?? null;
}
