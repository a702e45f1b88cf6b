import { AppError } from '../../domain/errors.ts';
import { assertAdministers } from '../../policies/certificates.ts';
import { findTrustedCa, setCaTrustedBy, type TrustedCaRow } from '../../store/certificates.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';

/** ISM-7: another party's administrator records that their party trusts a CA on the list too. */
export async function trustCa(ctx: ServiceContext, id: string): Promise<TrustedCaRow> {
  assertAdministers(ctx.actor);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const ca = await findTrustedCa(tx, id, true);
    if (!ca) throw new AppError('certificate.ca_not_found');
    if (ca.trustedBy.includes(ctx.actor.party)) return ca;
    const row = await setCaTrustedBy(tx, id, [...ca.trustedBy, ctx.actor.party]);
    await writeAudit(
      tx,
      {
        actorId: ctx.actor.id,
        party: ctx.actor.party,
        action: 'trusted_ca.trust',
        targetId: id,
        data: { fingerprint: ca.fingerprint },
      },
      now,
    );
    return row;
  });
}
