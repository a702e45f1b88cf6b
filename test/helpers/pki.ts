import 'reflect-metadata';
import { webcrypto, X509Certificate } from 'node:crypto';
import * as x509 from '@peculiar/x509';

// Real certificates made at run time with WebCrypto: nothing here is a fixture to keep up to date.
x509.cryptoProvider.set(webcrypto as unknown as Crypto);
const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

export interface TestCa {
  name: string;
  pem: string;
  keys: CryptoKeyPair;
}

export interface TestCert {
  pem: string;
  /** SHA-256 fingerprint as Node prints it (AA:BB:…). */
  fingerprint: string;
  notAfter: Date;
}

let serial = 1;
const nextSerial = () =>
  (serial++).toString(16).padStart(4, '0') +
  webcrypto.getRandomValues(new Uint8Array(4)).reduce((s, b) => s + b.toString(16).padStart(2, '0'), '');

async function keyPair(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
}

/** A self-signed root CA. */
export async function makeCa(commonName: string, days = 3650): Promise<TestCa> {
  const keys = await keyPair();
  const name = `CN=${commonName}, O=Passerelle tests`;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(),
    name,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + days * DAY),
    keys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { name: cert.subject, pem: cert.toString('pem'), keys };
}

/**
 * A leaf certificate naming `issuer` as its issuer, signed with `signer`'s key (the issuer's
 * own by default; another CA's key makes a forgery that only a signature check catches).
 */
export async function makeLeaf(
  issuer: TestCa,
  commonName: string,
  options: { days?: number; signer?: TestCa } = {},
): Promise<TestCert> {
  const keys = await keyPair();
  const notAfter = new Date(Math.floor((Date.now() + (options.days ?? 365) * DAY) / 1000) * 1000);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject: `CN=${commonName}, O=Passerelle tests`,
    issuer: issuer.name,
    notBefore: new Date(Date.now() - DAY),
    notAfter,
    signingKey: (options.signer ?? issuer).keys.privateKey,
    publicKey: keys.publicKey,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey),
    ],
  });
  const pem = cert.toString('pem');
  return { pem, fingerprint: new X509Certificate(pem).fingerprint256, notAfter };
}
