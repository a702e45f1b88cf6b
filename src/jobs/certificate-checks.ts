import { checkCertificateExpiry } from '../services/certificates/check-expiry.ts';
import { settleCertificateChanges } from '../services/certificates/settle-certificate-changes.ts';
import type { Db } from '../store/db.ts';

/**
 * ISM-7 background check: applies joint decisions on renewal and revocation changes, then
 * sends due expiry warnings and marks ended certificates expired. Tests pass a pinned `now`.
 */
export async function checkCertificates(db: Db, now: Date = new Date()): Promise<{ settled: number; warned: number }> {
  const settled = await settleCertificateChanges(db, now);
  const warned = await checkCertificateExpiry(db, now);
  return { settled, warned };
}
