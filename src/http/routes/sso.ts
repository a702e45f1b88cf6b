import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCOUNT_MODES } from '../../domain/admin.ts';
import { AppError } from '../../domain/errors.ts';
import { ROLES } from '../../domain/roles.ts';
import { endSsoSession } from '../../services/sso/end-sso-session.ts';
import { finishSso } from '../../services/sso/finish-sso.ts';
import { readSsoParties, readSsoSettings, saveSsoSettings } from '../../services/sso/sso-settings.ts';
import { startSso } from '../../services/sso/start-sso.ts';
import { requireActor } from '../auth-hook.ts';
import { clearSessionCookie, sessionLimits, setSessionCookie } from '../session-cookie.ts';
import { publicUrlOf } from '../public-url.ts';
import { SsoLogout, SsoParties, SsoSettings, SsoSettingsRead } from '../../contract/admin.ts';
import { ErrorBody, errorResponses, Sensitivity, text } from '../../contract/schemas.ts';
import type { RouteDeps } from './deps.ts';

const ClaimName = z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'a claim name');
/** A redirect: to the provider, or back to the console (`/?sso_error=<code>#/` when refused); errors are never answered as JSON here. */
const Redirect = {
  302: z.null().describe('Redirect (Location header)'),
  default: ErrorBody.describe('Only when the request itself is refused (rate limit, bad parameters)'),
};

/** IF-4: single sign-on with each party's OpenID Connect provider, and its settings. */
export const ssoRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const oidc = { secretKey: deps.config.MAIL_SECRET_KEY, allowHttp: deps.config.OIDC_ALLOW_HTTP };

    app.get(
      '/auth/sso',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          operationId: 'listSsoParties',
          summary: 'Parties offering single sign-on (for the sign-in page)',
          response: { 200: SsoParties },
        },
      },
      async () => ({ items: (await readSsoParties(deps.db)).map((p) => ({ party: p.partyId, name: p.name })) }),
    );

    app.get(
      '/auth/oidc/:party/start',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          operationId: 'startSso',
          summary: 'Start single sign-on at the party’s OpenID provider (redirects the browser there)',
          params: z.object({ party: z.string().max(10) }),
          response: Redirect,
        },
      },
      async (request, reply) => {
        try {
          const url = await startSso(deps.db, request.params.party, publicUrlOf(deps.config, request), oidc);
          return reply.redirect(url.href, 302);
        } catch (error) {
          const code = error instanceof AppError ? error.code : 'sso.provider_error';
          return reply.redirect(`/?sso_error=${encodeURIComponent(code)}#/`, 302);
        }
      },
    );

    app.get(
      '/auth/oidc/callback',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          operationId: 'finishSso',
          summary:
            'The provider’s redirect back: state, PKCE, issuer and ID token are checked, a session is opened, the browser goes to the console',
          querystring: z.object({
            code: z.string().max(2000).optional(),
            state: z.string().max(500).optional(),
            iss: z.string().max(500).optional(),
            session_state: z.string().max(500).optional(),
            error: z.string().max(200).optional(),
            error_description: z.string().max(1000).optional(),
          }),
          response: Redirect,
        },
      },
      async (request, reply) => {
        const base = publicUrlOf(deps.config, request);
        const params = Object.entries(request.query).filter((e): e is [string, string] => typeof e[1] === 'string');
        const query = new URLSearchParams(params).toString();
        try {
          const { token } = await finishSso(
            deps.db,
            { currentUrl: new URL(`${base}/api/v1/auth/oidc/callback?${query}`), address: request.ip },
            sessionLimits(deps.config),
            oidc,
          );
          // Lax: the cookie is set on a redirect that started at the provider's site.
          setSessionCookie(reply, request, deps.config, token, 'lax');
          return reply.redirect('/#/tickets', 302);
        } catch (error) {
          const code = error instanceof AppError ? error.code : 'sso.provider_error';
          if (!(error instanceof AppError)) request.log.error(error);
          return reply.redirect(`/?sso_error=${encodeURIComponent(code)}#/`, 302);
        }
      },
    );

    app.post(
      '/auth/oidc/logout',
      {
        config: { beforeTotp: true },
        schema: {
          tags: ['auth'],
          operationId: 'signOutSso',
          summary: 'Sign out; for a session opened by single sign-on, also the provider’s end-session address to go to',
          response: { 200: SsoLogout, ...errorResponses },
        },
      },
      async (request, reply) => {
        const result = await endSsoSession(deps.db, request.sessionId, publicUrlOf(deps.config, request), oidc);
        clearSessionCookie(reply);
        return result;
      },
    );

    app.get(
      '/parties/:id/sso',
      {
        schema: {
          tags: ['administration'],
          operationId: 'getSsoSettings',
          summary: 'The party’s single sign-on settings (never the client secret); null when none',
          params: z.object({ id: z.string().max(10) }),
          response: { 200: SsoSettingsRead, ...errorResponses },
        },
      },
      async (request) => {
        const row = await readSsoSettings(deps.db, requireActor(request), request.params.id);
        return { settings: row ? { ...row, updatedAt: row.updatedAt.toISOString() } : null };
      },
    );

    app.put(
      '/parties/:id/sso',
      {
        schema: {
          tags: ['administration'],
          operationId: 'setSsoSettings',
          summary:
            'Set the party’s OpenID provider, client, claim-to-role and claim-to-clearance mapping, and whether accounts are created at first sign-in',
          params: z.object({ id: z.string().max(10) }),
          body: z.object({
            issuer: z.string().max(300),
            clientId: text(200),
            clientSecret: z.string().min(1).max(500).optional(),
            roleClaim: ClaimName,
            roleMap: z.record(z.string().min(1).max(200), z.array(z.enum(ROLES)).min(1)),
            clearanceClaim: ClaimName,
            clearanceMap: z.record(z.string().min(1).max(200), Sensitivity),
            accountMode: z.enum(ACCOUNT_MODES),
            enabled: z.boolean(),
          }),
          response: { 200: z.object({ settings: SsoSettings }), ...errorResponses },
        },
      },
      async (request) => {
        const row = await saveSsoSettings(deps.db, requireActor(request), request.params.id, request.body, oidc);
        return { settings: { ...row, updatedAt: row.updatedAt.toISOString() } };
      },
    );
  };
