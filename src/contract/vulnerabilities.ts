import { z } from 'zod';
import { CSAF_REMEDIATIONS } from '../domain/csaf.ts';
import { TLP_LEVELS } from '../domain/security.ts';
import { SecurityTxtSchema } from '../domain/security-txt.ts';
import { Sensitivity } from './schemas.ts';

/** A vulnerability notice (CBM-4), as `GET /vulnerabilities` lists it. */
export const Vulnerability = z.object({
  id: z.uuid(),
  party: z.string(),
  trackingId: z.string(),
  title: z.string(),
  description: z.string(),
  vendor: z.string(),
  product: z.string(),
  productVersion: z.string(),
  cve: z.string().nullable(),
  remediationCategory: z.enum(CSAF_REMEDIATIONS),
  remediation: z.string(),
  sensitivity: Sensitivity,
  tlp: z.enum(TLP_LEVELS),
  revisions: z.array(z.object({ number: z.string(), date: z.string(), summary: z.string() })),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Vulnerability = z.output<typeof Vulnerability>;

/** `GET|PUT /parties/{id}/security-txt`: what a party publishes in security.txt (RFC 9116); null when nothing. */
export const PartySecurityTxt = z.object({ fields: SecurityTxtSchema.nullable() });
export type PartySecurityTxt = z.output<typeof PartySecurityTxt>;
