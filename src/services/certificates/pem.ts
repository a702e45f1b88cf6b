import { X509Certificate } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import { normaliseFingerprint } from '../../domain/certificates.ts';

/** What the register keeps of an X.509 certificate, read with Node's own X.509 parser. */
export interface ParsedCertificate {
  pem: string;
  subject: string;
  issuer: string;
  serial: string;
  /** SHA-256 of the DER encoding, colon-separated upper-case hex as read out over the phone. */
  fingerprint: string;
  notBefore: Date;
  notAfter: Date;
  isCa: boolean;
  x509: X509Certificate;
}

const BLOCK = /-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----/g;

/** A distinguished name on one line ("CN=…, O=…"), as Node prints it on several. */
function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

/** Exactly one PEM certificate, parsed; anything else is a 400 naming `field`. */
export function parseCertificatePem(input: string, field = 'pem'): ParsedCertificate {
  const blocks = input.trim().match(BLOCK) ?? [];
  const invalid = () => new AppError('validation.invalid', field, { field, detail: 'pem' });
  if (blocks.length !== 1 || input.trim() !== blocks[0]) throw invalid();
  const pem = `${blocks[0].replace(/\r\n/g, '\n')}\n`;
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(pem);
  } catch {
    throw invalid();
  }
  const notBefore = new Date(x509.validFrom);
  const notAfter = new Date(x509.validTo);
  if (Number.isNaN(notBefore.getTime()) || Number.isNaN(notAfter.getTime())) throw invalid();
  return {
    pem,
    subject: oneLine(x509.subject),
    issuer: oneLine(x509.issuer),
    serial: x509.serialNumber.toUpperCase(),
    fingerprint: normaliseFingerprint(x509.fingerprint256).replace(/(..)(?=.)/g, '$1:'),
    notBefore,
    notAfter,
    isCa: x509.ca,
    x509,
  };
}

/**
 * True when `ca` issued `cert`: the issuer name and key identifiers match and the signature
 * verifies with the CA's public key (a certificate merely naming the CA as issuer fails).
 */
export function issuedBy(cert: ParsedCertificate, ca: ParsedCertificate): boolean {
  try {
    return cert.x509.checkIssued(ca.x509) && cert.x509.verify(ca.x509.publicKey);
  } catch {
    return false;
  }
}
