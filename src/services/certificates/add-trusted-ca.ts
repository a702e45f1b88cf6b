import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import { assertAdministers } from '../../policies/certificates.ts';
import { insertTrustedCa, type TrustedCaRow } from '../../store/certificates.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { parseCertificatePem } from './pem.ts';

/**
 * ISM-7: a party administrator puts a certification authority on the list; their party trusts
 * it from then on. It counts for the register only once every other party trusts it too.
 */
export async function addTrustedCa(ctx: ServiceContext, input: { name: string; pem: string }): Promise<TrustedCaRow> {
  assertAdministers(ctx.actor);
  const now = nowOf(ctx);
  const ca = parseCertificatePem(input.pem);
  if (!ca.isCa) throw new AppError('validation.invalid', 'pem', { field: 'pem', detail: 'not_ca' });
  if (ca.notAfter <= now) throw new AppError('validation.invalid', 'pem', { field: 'pem', detail: 'cert_expired' });
  return ctx.db.transaction(async (tx) => {
    const row = await insertTrustedCa(tx, {
      id: randomUUID(),
      name: input.name,
      subject: ca.subject,
      fingerprint: ca.fingerprint,
      pem: ca.pem,
      trustedBy: [ctx.actor.party],
      addedBy: ctx.actor.id,
      createdAt: now,
    });
    if (!row) throw new AppError('certificate.ca_exists', 'pem');
    await writeAudit(
      tx,
      {
        actorId: ctx.actor.id,
        party: ctx.actor.party,
        action: 'trusted_ca.add',
        targetId: row.id,
        data: { name: row.name, subject: row.subject, fingerprint: row.fingerprint },
      },
      now,
    );
    return row;
  });
}
