import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSAF_REMEDIATIONS } from '../../domain/csaf.ts';
import { AppError } from '../../domain/errors.ts';
import { tlpFor } from '../../domain/security.ts';
import { getSecurityTxt, instanceSecurityTxt, setSecurityTxt } from '../../services/parties/security-txt.ts';
import { exportCsaf } from '../../services/vulnerabilities/export-csaf.ts';
import { notifyVulnerability } from '../../services/vulnerabilities/notify-vulnerability.ts';
import {
  getVulnerability,
  listVulnerabilities,
  type VulnerabilityRow,
} from '../../services/vulnerabilities/read-vulnerabilities.ts';
import { updateRemediation } from '../../services/vulnerabilities/update-remediation.ts';
import { errorResponses, Instant, Sensitivity, text, Version } from '../../contract/schemas.ts';
import { PartySecurityTxt, Vulnerability } from '../../contract/vulnerabilities.ts';
import type { RouteDeps } from './deps.ts';
import { sendFile } from '../send-file.ts';

const PartyCode = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/);
const IdParams = z.object({ id: z.uuid() });
const Remediation = z.enum(CSAF_REMEDIATIONS);

const present = (row: VulnerabilityRow): Vulnerability => ({
  id: row.id,
  party: row.partyId,
  trackingId: row.trackingId,
  title: row.title,
  description: row.description,
  vendor: row.vendor,
  product: row.product,
  productVersion: row.productVersion,
  cve: row.cve,
  remediationCategory: row.remediationCategory,
  remediation: row.remediation,
  sensitivity: row.sensitivity,
  tlp: tlpFor(row.sensitivity),
  revisions: row.revisions,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

const SecurityTxtBody = z.object({
  contacts: z
    .array(z.string().regex(/^(mailto:|tel:|https:\/\/)\S{3,300}$/, 'mailto:, tel: or https:// URI'))
    .min(1)
    .max(10),
  expires: Instant,
  encryption: z
    .array(z.url({ protocol: /^https$/ }).max(500))
    .max(5)
    .default([]),
  policy: z
    .array(z.url({ protocol: /^https$/ }).max(500))
    .max(5)
    .default([]),
  acknowledgments: z
    .array(z.url({ protocol: /^https$/ }).max(500))
    .max(5)
    .default([]),
  preferredLanguages: z
    .array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/))
    .max(10)
    .default([]),
});

/** CBM-4: vulnerability notices between the parties, their CSAF 2.0 export, and each party's security.txt fields. */
export const vulnerabilityRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/vulnerabilities',
      {
        schema: {
          tags: ['vulnerabilities'],
          summary: 'Vulnerability notices of every party that my clearance covers (CBM-4)',
          response: { 200: z.object({ items: z.array(Vulnerability) }), ...errorResponses },
        },
      },
      async (request) => ({ items: (await listVulnerabilities(deps.ctx(request))).map(present) }),
    );
    app.post(
      '/vulnerabilities',
      {
        schema: {
          tags: ['vulnerabilities'],
          summary: 'Notify a vulnerability and its remediation to the other parties (CBM-4)',
          body: z.object({
            title: text(200),
            description: text(20_000),
            vendor: text(200),
            product: text(200),
            productVersion: text(100),
            cve: z
              .string()
              .regex(/^CVE-\d{4}-\d{4,}$/)
              .optional(),
            remediationCategory: Remediation,
            remediation: text(20_000),
            sensitivity: Sensitivity.optional(),
          }),
          response: { 201: Vulnerability, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(present(await notifyVulnerability(deps.ctx(request), request.body))),
    );
    app.get(
      '/vulnerabilities/:id',
      {
        schema: {
          tags: ['vulnerabilities'],
          summary: 'One vulnerability notice',
          params: IdParams,
          response: { 200: Vulnerability, ...errorResponses },
        },
      },
      async (request) => present(await getVulnerability(deps.ctx(request), request.params.id)),
    );
    app.post(
      '/vulnerabilities/:id/remediation',
      {
        schema: {
          tags: ['vulnerabilities'],
          summary: 'Update the remediation of my party’s notice; a new revision is recorded (CBM-4)',
          params: IdParams,
          body: z.object({
            remediationCategory: Remediation,
            remediation: text(20_000),
            summary: text(500),
            version: Version.optional(),
          }),
          response: { 200: Vulnerability, ...errorResponses },
        },
      },
      async (request) => present(await updateRemediation(deps.ctx(request), request.params.id, request.body)),
    );
    app.get(
      '/vulnerabilities/:id/csaf',
      {
        schema: {
          tags: ['vulnerabilities'],
          summary: 'The notice as a CSAF 2.0 security advisory (CBM-4)',
          params: IdParams,
          response: { 200: z.unknown(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const namespace = `${request.protocol}://${request.host}`;
        const advisory = await exportCsaf(deps.ctx(request), request.params.id, namespace);
        reply.header('cache-control', 'no-store');
        return sendFile(
          reply,
          { type: 'application/json', name: `${advisory.document.tracking.id.toLowerCase()}.json` },
          JSON.stringify(advisory),
        );
      },
    );
    app.get(
      '/parties/:id/security-txt',
      {
        schema: {
          tags: ['vulnerabilities'],
          summary: 'What my party publishes in the instance’s security.txt (RFC 9116); null when nothing',
          params: z.object({ id: PartyCode }),
          response: { 200: PartySecurityTxt, ...errorResponses },
        },
      },
      async (request) => ({ fields: await getSecurityTxt(deps.ctx(request), request.params.id) }),
    );
    app.put(
      '/parties/:id/security-txt',
      {
        schema: {
          tags: ['vulnerabilities'],
          summary: 'Set what my party publishes in security.txt (administrators, security officers); null stops it',
          params: z.object({ id: PartyCode }),
          body: z.object({ fields: SecurityTxtBody.nullable() }),
          response: { 200: PartySecurityTxt, ...errorResponses },
        },
      },
      async (request) => ({
        fields: await setSecurityTxt(deps.ctx(request), request.params.id, request.body.fields),
      }),
    );
  };

/** RFC 9116: the instance's security.txt, public, from the parties' published fields. */
export const wellKnownRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/.well-known/security.txt',
      {
        config: { public: true },
        schema: {
          tags: ['vulnerabilities'],
          summary: 'security.txt (RFC 9116) from the parties’ settings; 404 when none is in force',
          security: [],
          response: { 200: z.string(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const body = await instanceSecurityTxt(deps.db);
        if (body === null) throw new AppError('request.not_found');
        return reply.type('text/plain; charset=utf-8').header('cache-control', 'max-age=3600').send(body);
      },
    );
  };
