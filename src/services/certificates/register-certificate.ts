import { randomUUID } from 'node:crypto';
import { renewalApproved } from '../../domain/certificates.ts';
import { AppError } from '../../domain/errors.ts';
import { assertKeepsRegister } from '../../policies/certificates.ts';
import {
  insertCertificate,
  lockCertificate,
  updateCertificate,
  type CertificateRow,
} from '../../store/certificates.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { historyEntry, historyOf, trustedIssuerOf } from './common.ts';
import { parseCertificatePem } from './pem.ts';

export interface RegisterCertificateInput {
  name: string;
  usage: string;
  pem: string;
  /** The certificate this one replaces; its renewal must have been approved by every party. */
  renews?: string | undefined;
}

/**
 * ISM-7 registration: the PEM is parsed (subject, issuer, serial, SHA-256 fingerprint,
 * validity) and must have been signed by a CA every party trusts. The certificate starts
 * `registered`: it is usable only once its fingerprint has been verified out of band.
 */
export async function registerCertificate(
  ctx: ServiceContext,
  input: RegisterCertificateInput,
): Promise<CertificateRow> {
  assertKeepsRegister(ctx.actor, ctx.actor.party);
  const now = nowOf(ctx);
  const cert = parseCertificatePem(input.pem);
  if (cert.notAfter <= now) throw new AppError('validation.invalid', 'pem', { field: 'pem', detail: 'cert_expired' });
  return ctx.db.transaction(async (tx) => {
    const ca = await trustedIssuerOf(tx, cert);
    if (!ca) throw new AppError('certificate.untrusted_issuer', 'pem');
    const replaced = input.renews ? await lockCertificate(tx, input.renews) : null;
    if (input.renews) {
      if (!replaced || replaced.partyId !== ctx.actor.party) throw new AppError('certificate.not_found', 'renews');
      if (replaced.state !== 'renewal' || !renewalApproved(historyOf(replaced), replaced.changeId))
        throw new AppError('certificate.renewal_not_approved', 'renews');
    }
    const row = await insertCertificate(tx, {
      id: randomUUID(),
      partyId: ctx.actor.party,
      name: input.name,
      usage: input.usage,
      pem: cert.pem,
      subject: cert.subject,
      issuer: cert.issuer,
      serial: cert.serial,
      fingerprint: cert.fingerprint,
      notBefore: cert.notBefore,
      notAfter: cert.notAfter,
      caId: ca.id,
      state: 'registered',
      history: [historyEntry(ctx, 'registered', now, { caId: ca.id, ...(replaced ? { renews: replaced.id } : {}) })],
      createdBy: ctx.actor.id,
      createdAt: now,
    });
    if (!row) throw new AppError('certificate.exists', 'pem');
    if (replaced)
      await updateCertificate(tx, replaced.id, {
        history: [
          ...historyOf(replaced),
          historyEntry(ctx, 'renewed_by', now, { certificateId: row.id, changeId: replaced.changeId }),
        ],
      });
    await writeAudit(
      tx,
      {
        actorId: ctx.actor.id,
        party: ctx.actor.party,
        action: 'certificate.register',
        targetId: row.id,
        data: {
          fingerprint: row.fingerprint,
          subject: row.subject,
          caId: ca.id,
          ...(replaced ? { renews: replaced.id } : {}),
        },
      },
      now,
    );
    return row;
  });
}
