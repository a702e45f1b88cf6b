import type { Certificate } from '../securityTypes.ts';

/** The lifecycle steps the console offers (ISM-7), and the states each starts from (the server checks again). */
export const CERTIFICATE_ACTIONS = {
  verify: ['registered'],
  install: ['verified'],
  use: ['installed'],
  renewal: ['verified', 'installed', 'in_use'],
  revocation: ['verified', 'installed', 'in_use'],
} as const satisfies Record<string, readonly string[]>;
export type CertificateAction = keyof typeof CERTIFICATE_ACTIONS;

/** True when the certificate's state allows `action`; a renewal or revocation waits for a pending change. */
export function offers(c: Certificate, action: CertificateAction): boolean {
  if (!(CERTIFICATE_ACTIONS[action] as readonly string[]).includes(c.state)) return false;
  return action === 'renewal' || action === 'revocation' ? c.pendingChange === null : true;
}
