import {
  normaliseFingerprint,
  sameFingerprint,
  stepAllowed,
  type VerificationChannel,
} from '../../domain/certificates.ts';
import { AppError } from '../../domain/errors.ts';
import { assertMayVerify } from '../../policies/certificates.ts';
import { lockCertificate, updateCertificate, type CertificateRow } from '../../store/certificates.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { historyEntry, historyOf } from './common.ts';

export interface VerifyCertificateInput {
  channel: VerificationChannel;
  /** Who read the fingerprint out on the other side. */
  counterpart: string;
  /** The fingerprint as read out of band. */
  fingerprint: string;
}

/**
 * ISM-7 / FED-1: the fingerprint read out of band (phone, in person, signed letter, video)
 * must match the registered certificate; who compared it, with whom, when and by which
 * channel is recorded, and only then is the certificate `verified` (usable). A mismatch
 * changes nothing but is written to the audit log.
 */
export async function verifyCertificate(
  ctx: ServiceContext,
  id: string,
  input: VerifyCertificateInput,
): Promise<CertificateRow> {
  if (!/^[0-9A-F]{64}$/.test(normaliseFingerprint(input.fingerprint)))
    throw new AppError('validation.invalid', 'fingerprint', { field: 'fingerprint', detail: 'fingerprint_hex' });
  const now = nowOf(ctx);
  const outcome = await ctx.db.transaction(async (tx) => {
    const cert = await lockCertificate(tx, id);
    if (!cert) throw new AppError('certificate.not_found');
    assertMayVerify(ctx.actor, cert.createdBy);
    if (!stepAllowed('verify', cert.state))
      throw new AppError('certificate.state_invalid', undefined, { state: cert.state });
    if (!sameFingerprint(input.fingerprint, cert.fingerprint))
      return { ok: false as const, expected: cert.fingerprint };
    const verification = {
      by: ctx.actor.displayName,
      byId: ctx.actor.id,
      party: ctx.actor.party,
      at: now.toISOString(),
      channel: input.channel,
      counterpart: input.counterpart,
      fingerprint: cert.fingerprint,
    };
    const row = await updateCertificate(tx, id, {
      state: 'verified',
      verification,
      history: [
        ...historyOf(cert),
        historyEntry(ctx, 'verified', now, {
          from: cert.state,
          to: 'verified',
          channel: input.channel,
          counterpart: input.counterpart,
        }),
      ],
    });
    await writeAudit(
      tx,
      {
        actorId: ctx.actor.id,
        party: ctx.actor.party,
        action: 'certificate.verify',
        targetId: id,
        data: { channel: input.channel, counterpart: input.counterpart, fingerprint: cert.fingerprint },
      },
      now,
    );
    return { ok: true as const, row };
  });
  if (!outcome.ok) {
    await writeAudit(
      ctx.db,
      {
        actorId: ctx.actor.id,
        party: ctx.actor.party,
        action: 'certificate.verify_failed',
        targetId: id,
        data: {
          channel: input.channel,
          counterpart: input.counterpart,
          read: normaliseFingerprint(input.fingerprint),
          expected: outcome.expected,
        },
      },
      now,
    );
    throw new AppError('certificate.fingerprint_mismatch', 'fingerprint');
  }
  return outcome.row;
}
