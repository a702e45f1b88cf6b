import { CERTIFICATE_STEPS, stepAllowed } from '../../domain/certificates.ts';
import { AppError } from '../../domain/errors.ts';
import { assertKeepsRegister } from '../../policies/certificates.ts';
import { lockCertificate, updateCertificate, type CertificateRow } from '../../store/certificates.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { historyEntry, historyOf } from './common.ts';

/** ISM-7 lifecycle: a verified certificate is installed, then put in use, by its own party's keepers. */
export async function advanceCertificate(
  ctx: ServiceContext,
  id: string,
  step: 'install' | 'use',
  note?: string,
): Promise<CertificateRow> {
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const cert = await lockCertificate(tx, id);
    if (!cert) throw new AppError('certificate.not_found');
    assertKeepsRegister(ctx.actor, cert.partyId);
    if (!stepAllowed(step, cert.state))
      throw new AppError('certificate.state_invalid', undefined, { state: cert.state });
    const to = CERTIFICATE_STEPS[step].to;
    const row = await updateCertificate(tx, id, {
      state: to,
      history: [...historyOf(cert), historyEntry(ctx, to, now, { from: cert.state, to, ...(note ? { note } : {}) })],
    });
    await writeAudit(
      tx,
      {
        actorId: ctx.actor.id,
        party: ctx.actor.party,
        action: `certificate.${step}`,
        targetId: id,
        data: { from: cert.state, to },
      },
      now,
    );
    return row;
  });
}
