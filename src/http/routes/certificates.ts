import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pendingChangeOf, trustedByAll, VERIFICATION_CHANNELS } from '../../domain/certificates.ts';
import { addTrustedCa } from '../../services/certificates/add-trusted-ca.ts';
import { advanceCertificate } from '../../services/certificates/advance-certificate.ts';
import { allPartyIds, historyOf } from '../../services/certificates/common.ts';
import { parseCertificatePem } from '../../services/certificates/pem.ts';
import {
  getCertificate,
  listCertificates,
  listTrustedAuthorities,
  type RegisteredCertificate,
  type TrustedAuthority,
} from '../../services/certificates/read-certificates.ts';
import { registerCertificate } from '../../services/certificates/register-certificate.ts';
import { requestCertificateChange } from '../../services/certificates/request-certificate-change.ts';
import { trustCa } from '../../services/certificates/trust-ca.ts';
import { verifyCertificate } from '../../services/certificates/verify-certificate.ts';
import { requireActor } from '../auth-hook.ts';
import { errorResponses, Instant, plain, text } from '../../contract/schemas.ts';
import { TrustedCa, CertificateVerification, Certificate, CertificateChange } from '../../contract/security.ts';
import type { RouteDeps } from './deps.ts';

const PartyCode = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/);
const Pem = z.string().min(1).max(20_000);
const IdParams = z.object({ id: z.uuid() });

const presentCa = (row: TrustedAuthority, parties: string[]): z.infer<typeof TrustedCa> => ({
  id: row.id,
  name: row.name,
  subject: row.subject,
  fingerprint: row.fingerprint,
  notAfter: parseCertificatePem(row.pem).notAfter.toISOString(),
  trustedBy: row.trustedBy,
  trustedByAll: trustedByAll(row.trustedBy, parties),
  pem: row.pem,
  createdAt: row.createdAt.toISOString(),
});

const present = (row: RegisteredCertificate): z.infer<typeof Certificate> => {
  const history = historyOf(row);
  // The verification column is written only by verify-certificate with this shape (plus who verified).
  const verification = row.verification as (z.infer<typeof CertificateVerification> & { byId?: string }) | null;
  return {
    id: row.id,
    party: row.partyId,
    name: row.name,
    usage: row.usage,
    subject: row.subject,
    issuer: row.issuer,
    serial: row.serial,
    fingerprint: row.fingerprint,
    notBefore: row.notBefore.toISOString(),
    notAfter: row.notAfter.toISOString(),
    caId: row.caId,
    state: row.state,
    usable: ['verified', 'installed', 'in_use', 'renewal'].includes(row.state) && row.verification !== null,
    verification: verification
      ? {
          by: verification.by,
          party: verification.party,
          at: verification.at,
          channel: verification.channel,
          counterpart: verification.counterpart,
          fingerprint: verification.fingerprint,
        }
      : null,
    change: row.change,
    pendingChange: pendingChangeOf(history, row.changeId)?.kind ?? null,
    alerts: row.alerts,
    history: history.map(({ byId: _byId, ...rest }) => rest),
    pem: row.pem,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
};

const ChangeBody = z.object({ reason: text(2000), plannedStart: Instant.optional(), plannedEnd: Instant.optional() });
/** ISM-7: trusted certification authorities and the certificate and key register of each party. */
export const certificateRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/trusted-cas',
      {
        schema: {
          tags: ['certificates'],
          summary: 'Certification authorities on the list, and which parties trust each',
          response: { 200: z.object({ items: z.array(TrustedCa) }), ...errorResponses },
        },
      },
      async () => {
        const { cas, parties } = await listTrustedAuthorities(deps.db);
        return { items: cas.map((r) => presentCa(r, parties)) };
      },
    );

    app.post(
      '/trusted-cas',
      {
        schema: {
          tags: ['certificates'],
          summary: 'Put a CA on the list; my party trusts it (party administrators)',
          body: z.object({ name: text(200), pem: Pem }),
          response: { 201: TrustedCa, ...errorResponses },
        },
      },
      async (request, reply) => {
        const row = await addTrustedCa(deps.ctx(request), request.body);
        return reply.status(201).send(presentCa(row, await allPartyIds(deps.db)));
      },
    );

    app.post(
      '/trusted-cas/:id/trust',
      {
        schema: {
          tags: ['certificates'],
          summary: 'My party trusts this CA too (party administrators)',
          params: IdParams,
          response: { 200: TrustedCa, ...errorResponses },
        },
      },
      async (request) => {
        const row = await trustCa(deps.ctx(request), request.params.id);
        return presentCa(row, await allPartyIds(deps.db));
      },
    );

    app.get(
      '/certificates',
      {
        schema: {
          tags: ['certificates'],
          summary: "A party's certificate register (default: mine)",
          querystring: z.object({ party: PartyCode.optional() }),
          response: { 200: z.object({ items: z.array(Certificate) }), ...errorResponses },
        },
      },
      async (request) => {
        const rows = await listCertificates(deps.ctx(request), request.query.party ?? requireActor(request).party);
        return { items: rows.map(present) };
      },
    );

    app.get(
      '/certificates/:id',
      {
        schema: {
          tags: ['certificates'],
          summary: 'One certificate of the register',
          params: IdParams,
          response: { 200: Certificate, ...errorResponses },
        },
      },
      async (request) => present(await getCertificate(deps.ctx(request), request.params.id)),
    );

    app.post(
      '/certificates',
      {
        schema: {
          tags: ['certificates'],
          summary:
            'Register a PEM certificate of my party, issued by a CA every party trusts (party administrators, security officers)',
          body: z.object({ name: text(200), usage: text(120), pem: Pem, renews: z.uuid().optional() }),
          response: { 201: Certificate, ...errorResponses },
        },
      },
      async (request, reply) => {
        const ctx = deps.ctx(request);
        const row = await registerCertificate(ctx, request.body);
        return reply.status(201).send(present(await getCertificate(ctx, row.id)));
      },
    );

    app.post(
      '/certificates/:id/verify',
      {
        schema: {
          tags: ['certificates'],
          summary: 'Record the out-of-band fingerprint verification; the certificate becomes usable',
          params: IdParams,
          body: z.object({
            channel: z.enum(VERIFICATION_CHANNELS),
            counterpart: text(200),
            fingerprint: z.string().min(1).max(200),
          }),
          response: { 200: Certificate, ...errorResponses },
        },
      },
      async (request) => {
        const ctx = deps.ctx(request);
        await verifyCertificate(ctx, request.params.id, request.body);
        return present(await getCertificate(ctx, request.params.id));
      },
    );

    for (const step of ['install', 'use'] as const) {
      app.post(
        `/certificates/:id/${step}`,
        {
          schema: {
            tags: ['certificates'],
            summary:
              step === 'install' ? 'A verified certificate is installed' : 'An installed certificate is put in use',
            params: IdParams,
            body: z.object({ note: plain(2000).optional() }).optional(),
            response: { 200: Certificate, ...errorResponses },
          },
        },
        async (request) => {
          const ctx = deps.ctx(request);
          await advanceCertificate(ctx, request.params.id, step, request.body?.note);
          return present(await getCertificate(ctx, request.params.id));
        },
      );
    }

    for (const kind of ['renewal', 'revocation'] as const) {
      app.post(
        `/certificates/:id/${kind}`,
        {
          schema: {
            tags: ['certificates'],
            summary: `Request the ${kind} of a certificate: a change every party's CAB approves`,
            params: IdParams,
            body: ChangeBody,
            response: { 201: CertificateChange, ...errorResponses },
          },
        },
        async (request, reply) => {
          const ctx = deps.ctx(request);
          const { change } = await requestCertificateChange(ctx, request.params.id, kind, request.body);
          return reply.status(201).send({
            certificate: present(await getCertificate(ctx, request.params.id)),
            change: { id: change.id, ref: change.ref, status: change.status },
          });
        },
      );
    }
  };
