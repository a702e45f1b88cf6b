import { AppError } from '../../domain/errors.ts';
import { listTrustedCas, readCertificates, type CertificateWithChange } from '../../store/certificates.ts';
import type { Db } from '../../store/db.ts';
import { allPartyIds } from './common.ts';
import { findParty } from '../../store/directory.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { settleCertificateChanges } from './settle-certificate-changes.ts';

/**
 * ISM-7: a party's register, readable by every signed-in user of a party on the link (the
 * certificates are public data). Decided renewal and revocation changes are settled first, so
 * a reader never sees a state the joint CAB has already overtaken.
 */
export async function listCertificates(ctx: ServiceContext, party: string): Promise<CertificateWithChange[]> {
  if (!(await findParty(ctx.db, party))) throw new AppError('party.not_found', 'party');
  await settleCertificateChanges(ctx.db, nowOf(ctx), { party });
  return readCertificates(ctx.db, ctx.actor, { party });
}

export async function getCertificate(ctx: ServiceContext, id: string): Promise<CertificateWithChange> {
  await settleCertificateChanges(ctx.db, nowOf(ctx), { id });
  const [row] = await readCertificates(ctx.db, ctx.actor, { id });
  if (!row) throw new AppError('certificate.not_found');
  return row;
}

/** ISM-7: the certification authorities on the list, with the parties of the link (to tell who trusts each). */
export async function listTrustedAuthorities(db: Db) {
  return { cas: await listTrustedCas(db), parties: await allPartyIds(db) };
}

export type TrustedAuthority = Awaited<ReturnType<typeof listTrustedAuthorities>>['cas'][number];
export type RegisteredCertificate = Awaited<ReturnType<typeof getCertificate>>;
