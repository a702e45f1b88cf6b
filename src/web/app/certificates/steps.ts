import type { Certificate } from '../../../contract/security.ts';
import { stepAllowed, type CertificateStep } from '../../../domain/certificates.ts';

export type CertificateAction = CertificateStep;

/** True when the server's lifecycle (ISM-7) allows `action` now; a renewal or revocation waits for a pending change. */
export function offers(c: Certificate, action: CertificateAction): boolean {
  if (!stepAllowed(action, c.state)) return false;
  return action === 'renewal' || action === 'revocation' ? c.pendingChange === null : true;
}
