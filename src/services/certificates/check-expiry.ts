import { dueExpiryAlert, LIVE_STATES } from '../../domain/certificates.ts';
import type { Db } from '../../store/db.ts';
import { certificatesEndingBefore, lockCertificate, updateCertificate } from '../../store/certificates.ts';
import { insertTicketlessNotifications, prefsFor, usersWithRole } from '../../store/notifications.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { CERTIFICATE_KEEPERS } from '../../policies/certificates.ts';
import { historyOf } from './common.ts';

const HORIZON_MS = 60 * 86_400_000;

/**
 * ISM-7 expiry alerts: 60, 30 and 7 days before `notAfter`, the owning party's security
 * officers and administrators get an in-app notification, each threshold once (recorded in
 * `alerts` under the certificate's row lock, so several nodes may run the check). A live
 * certificate past its end becomes `expired`. Returns how many warnings were sent.
 */
export async function checkCertificateExpiry(db: Db, now: Date): Promise<number> {
  const candidates = await certificatesEndingBefore(db, LIVE_STATES, new Date(now.getTime() + HORIZON_MS));
  let sent = 0;
  for (const { id } of candidates) {
    if (await db.transaction((tx) => checkOne(tx, id, now))) sent += 1;
  }
  return sent;
}

async function checkOne(tx: Db, id: string, now: Date): Promise<boolean> {
  const cert = await lockCertificate(tx, id);
  if (!cert || !LIVE_STATES.includes(cert.state)) return false;
  const history = historyOf(cert);
  if (cert.notAfter <= now) {
    await updateCertificate(tx, id, {
      state: 'expired',
      history: [
        ...history,
        {
          kind: 'expired',
          at: now.toISOString(),
          by: 'Passerelle',
          byId: null,
          party: null,
          from: cert.state,
          to: 'expired',
        },
      ],
    });
    await writeAudit(
      tx,
      { actorId: null, party: cert.partyId, action: 'certificate.expired', targetId: id, data: { from: cert.state } },
      now,
    );
    return false;
  }
  const alert = dueExpiryAlert(cert.notAfter, now, cert.alerts);
  if (!alert) return false;
  // In sequence: one transaction is one client, which runs one query at a time.
  const keepers = [];
  for (const role of CERTIFICATE_KEEPERS) keepers.push(...(await usersWithRole(tx, [cert.partyId], role)));
  const ids = [...new Set(keepers.map((u) => u.id))];
  const prefs = await prefsFor(tx, ids, 'certificate_expiring');
  const params = {
    certificateId: cert.id,
    name: cert.name,
    usage: cert.usage,
    party: cert.partyId,
    fingerprint: cert.fingerprint,
    notAfter: cert.notAfter.toISOString().slice(0, 10),
    days: String(alert.days),
    threshold: String(alert.threshold),
  };
  await insertTicketlessNotifications(
    tx,
    ids
      .filter((u) => prefs.get(u)?.inApp !== false)
      .map((userId) => ({ userId, kind: 'certificate_expiring', params })),
    now,
  );
  await updateCertificate(tx, id, {
    alerts: [...new Set([...cert.alerts, ...alert.covers])],
    history: [
      ...history,
      {
        kind: 'expiry_warning',
        at: now.toISOString(),
        by: 'Passerelle',
        byId: null,
        party: null,
        days: alert.days,
        threshold: alert.threshold,
        recipients: ids.length,
      },
    ],
  });
  return true;
}
