import { ACCESS_DECISIONS } from '../domain/access-reviews.ts';
import { ASSET_STATUSES, REVIEW_OUTCOMES } from '../domain/assets.ts';
import { CERTIFICATE_STATES, VERIFICATION_CHANNELS } from '../domain/certificates.ts';
import { SEVERITIES } from '../domain/taxonomy.ts';
import { Impact, Sensitivity } from './schemas.ts';
import { z } from 'zod';
import { TLP_LEVELS } from '../domain/security.ts';
import { ROLES } from '../domain/roles.ts';
import { CIA_LEVELS } from '../domain/assets.ts';

/** Security and ISM shapes: assets, certificates, access reviews, security policy. */

export const CiaLevel = z.enum(CIA_LEVELS);
export const ASSET_ACTIONS = ['update', 'approve', 'review'] as const;

export const AssetPart = z.object({
  id: z.uuid(),
  name: z.string(),
  party: z.string(),
  common: z.boolean(),
  sensitivity: Sensitivity,
});

export const Asset = z.object({
  id: z.uuid(),
  party: z.string(),
  common: z.boolean(),
  name: z.string(),
  description: z.string(),
  owner: z.string(),
  confidentiality: CiaLevel,
  integrity: CiaLevel,
  availability: CiaLevel,
  sensitivity: Sensitivity.describe('ETS level derived from C/I/A (ISM-2); never sent'),
  personalData: z.boolean(),
  notes: z.string(),
  lis: z.boolean().describe('on the sensitive information list: SENSITIVE, CRITICAL or personal data'),
  parts: z.array(AssetPart).describe('aggregate members the reader may see'),
  status: z.enum(ASSET_STATUSES),
  approvals: z.array(
    z.object({
      party: z.string(),
      decision: z.enum(['approved', 'refused', 'agreed', 'disagreed']).nullable(),
      by: z.string().nullable(),
      at: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  reviewIntervalDays: z.number().int(),
  nextReviewAt: z.iso.datetime(),
  overdue: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
  allowedActions: z.array(z.enum(ASSET_ACTIONS)),
});

export const AssetReview = z.object({
  id: z.uuid(),
  outcome: z.enum(REVIEW_OUTCOMES),
  note: z.string(),
  reviewer: z.object({ id: z.uuid().nullable(), name: z.string() }),
  reviewedAt: z.iso.datetime(),
});

export const TrustedCa = z.object({
  id: z.uuid(),
  name: z.string(),
  subject: z.string(),
  fingerprint: z.string(),
  notAfter: z.iso.datetime(),
  trustedBy: z.array(z.string()),
  trustedByAll: z.boolean(),
  pem: z.string(),
  createdAt: z.iso.datetime(),
});

export const CertificateVerification = z.object({
  by: z.string(),
  party: z.string(),
  at: z.string(),
  channel: z.enum(VERIFICATION_CHANNELS),
  counterpart: z.string(),
  fingerprint: z.string(),
});

export const Certificate = z.object({
  id: z.uuid(),
  party: z.string(),
  name: z.string(),
  usage: z.string(),
  subject: z.string(),
  issuer: z.string(),
  serial: z.string(),
  fingerprint: z.string(),
  notBefore: z.iso.datetime(),
  notAfter: z.iso.datetime(),
  caId: z.uuid().nullable(),
  state: z.enum(CERTIFICATE_STATES),
  usable: z.boolean(),
  verification: CertificateVerification.nullable(),
  change: z.object({ id: z.uuid(), ref: z.string(), status: z.string() }).nullable(),
  pendingChange: z.enum(['renewal', 'revocation']).nullable(),
  alerts: z.array(z.string()),
  history: z.array(z.record(z.string(), z.unknown())),
  pem: z.string(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
});

/** The reply to a renewal or revocation request: the certificate and the change that carries it (ISM-7). */
export const CertificateChange = z.object({
  certificate: Certificate,
  change: z.object({ id: z.uuid(), ref: z.string(), status: z.string() }),
});

export const AccessReviewSummary = z.object({
  id: z.uuid(),
  party: z.string(),
  status: z.enum(['open', 'closed']),
  startedBy: z.uuid().nullable(),
  startedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  accounts: z.number().int(),
  undecided: z.number().int(),
});

export const AccessReviewItem = z.object({
  userId: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  clearance: z.string(),
  active: z.boolean(),
  decision: z.enum(ACCESS_DECISIONS).nullable(),
  newRoles: z.array(z.string()).nullable(),
  newClearance: z.string().nullable(),
  note: z.string().nullable(),
  decidedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  decidedAt: z.iso.datetime().nullable(),
});

export const AccessReview = AccessReviewSummary.extend({ items: z.array(AccessReviewItem) });

const Role = z.enum(ROLES);

export const SecurityPolicy = z.object({
  notifyImpacts: z.array(Impact).max(3),
  notifyCia: z.array(z.enum(['confidentiality', 'integrity', 'availability'])).max(3),
  notifyPersonalData: z.boolean(),
  minSeverity: z.enum(SEVERITIES).nullable(),
  roles: z.array(Role).min(1).max(5),
  severityScale: z.record(
    z
      .string()
      .trim()
      .min(1)
      .max(60)
      .refine(
        (k) => !k.includes('\u0000') && !['__proto__', 'constructor', 'prototype'].includes(k),
        'not a level name',
      ),
    z.enum(SEVERITIES),
  ),
});

const Labelled = { value: z.string(), label: z.object({ en: z.string(), fr: z.string() }) };
/** SEC-9: one class of the reference taxonomy (RSIT) with its types, labelled in both languages. */
export const TaxonomyClass = z.object({ ...Labelled, types: z.array(z.object(Labelled)) });
/** `GET /security/taxonomy`: the taxonomy, the common severity scale and the TLP levels. */
export const SecurityTaxonomy = z.object({
  taxonomy: z.looseObject({ classes: z.array(TaxonomyClass) }),
  severities: z.array(z.enum(SEVERITIES)),
  tlp: z.array(z.enum(TLP_LEVELS)),
});

export type TaxonomyClass = z.output<typeof TaxonomyClass>;
export type SecurityTaxonomy = z.output<typeof SecurityTaxonomy>;
export type Asset = z.output<typeof Asset>;
export type AssetReview = z.output<typeof AssetReview>;
export type TrustedCa = z.output<typeof TrustedCa>;
export type Certificate = z.output<typeof Certificate>;
export type CertificateChange = z.output<typeof CertificateChange>;
export type AccessReviewSummary = z.output<typeof AccessReviewSummary>;
export type AccessReviewItem = z.output<typeof AccessReviewItem>;
export type AccessReview = z.output<typeof AccessReview>;
export type SecurityPolicy = z.output<typeof SecurityPolicy>;

/** A party's incident management team for one event type (SEC-2): the members' user ids. */
export const ImtRoster = z.object({ eventType: z.string(), members: z.array(z.uuid()) });
export type ImtRoster = z.output<typeof ImtRoster>;
