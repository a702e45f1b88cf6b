import { parseDetails } from '../../domain/details.ts';
import { pendingChangeOf, settlementOf, type CertificateHistoryEntry } from '../../domain/certificates.ts';
import type { Db } from '../../store/db.ts';
import {
  certificatesWithDecidedChange,
  changeDecision,
  lockCertificate,
  updateCertificate,
} from '../../store/certificates.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { allPartyIds, historyOf } from './common.ts';

/**
 * ISM-7: applies what the joint CAB decided on a certificate's renewal or revocation change.
 * Approved by every party (the change is `approved` or later and each party's approval is
 * on it): a revocation makes the certificate `revoked`, a renewal lets its replacement be
 * registered. Rejected (or approved by fewer parties than all): the certificate goes back to
 * where it was. Idempotent under the certificate's row lock, so the background check of every
 * node and the register's own reads may all run it.
 */
export async function settleCertificateChanges(
  db: Db,
  now: Date,
  scope: { party?: string | undefined; id?: string | undefined } = {},
): Promise<number> {
  const candidates = await certificatesWithDecidedChange(db, scope);
  let settled = 0;
  for (const { id } of candidates) {
    if (await db.transaction((tx) => settleOne(tx, id, now))) settled += 1;
  }
  return settled;
}

async function settleOne(tx: Db, id: string, now: Date): Promise<boolean> {
  const cert = await lockCertificate(tx, id);
  if (!cert?.changeId) return false;
  const history = historyOf(cert);
  const pending = pendingChangeOf(history, cert.changeId);
  if (!pending) return false;
  const change = await changeDecision(tx, cert.changeId);
  if (!change) return false;
  const approvals = parseDetails('change', change.details, change.ref).approvals ?? [];
  const outcome = settlementOf(change.status, approvals, await allPartyIds(tx));
  if (outcome === 'pending') return false;
  const approved = outcome === 'approved';
  const state = approved
    ? pending.kind === 'revocation'
      ? 'revoked'
      : cert.state
    : pending.kind === 'renewal'
      ? pending.from
      : cert.state;
  const entry: CertificateHistoryEntry = {
    kind: `${pending.kind}_${approved ? 'approved' : 'rejected'}`,
    at: now.toISOString(),
    by: 'Passerelle',
    byId: null,
    party: null,
    changeId: change.id,
    changeRef: change.ref,
    from: cert.state,
    to: state,
    ...(approved ? {} : { outcome }),
  };
  await updateCertificate(tx, id, { state, history: [...history, entry] });
  await writeAudit(
    tx,
    {
      actorId: null,
      party: cert.partyId,
      action: `certificate.${entry.kind}`,
      targetId: id,
      data: { changeId: change.id, changeRef: change.ref, from: cert.state, to: state },
    },
    now,
  );
  return true;
}
