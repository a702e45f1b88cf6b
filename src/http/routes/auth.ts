import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { createApiToken, listOwnApiTokens, revokeOwnApiToken } from '../../services/auth/api-tokens.ts';
import { setTotpEnabled, setupTotp } from '../../services/auth/manage-totp.ts';
import { setLanguage } from '../../services/auth/set-language.ts';
import { signIn } from '../../services/auth/sign-in.ts';
import { signOut } from '../../services/auth/sign-out.ts';
import { readProfile } from '../../services/parties/read-directory.ts';
import { requireActor } from '../auth-hook.ts';
import { clearSessionCookie, sessionLimits, setSessionCookie } from '../session-cookie.ts';
import { ErrorBody, errorResponses, Instant, text } from '../../contract/schemas.ts';
import { Me, ApiToken, TotpSetup } from '../../contract/directory.ts';
import { accountIdentity } from './admin.ts';
import type { RouteDeps } from './deps.ts';

type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};
const presentToken = (t: TokenRow) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

/** Sign-in, sign-out, the caller's profile, second factor and API tokens. */
export const authRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const me = async (userId: string, csrfToken: string) => {
      const profile = await readProfile(deps.db, userId);
      if (!profile) throw new AppError('auth.required');
      const { user, party } = profile;
      return {
        user: {
          ...accountIdentity(user),
          totpEnabled: user.totpEnabled,
          totpRequired: Boolean(party?.requireTotp && !user.totpEnabled),
        },
        csrfToken,
      };
    };

    app.post(
      '/auth/login',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          summary: 'Sign in (sets the session cookie)',
          body: z.object({
            username: text(100),
            password: z.string().min(1).max(1000),
            totp: z
              .string()
              .regex(/^\d{6}$/)
              .optional(),
          }),
          response: { 200: Me, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody },
        },
      },
      async (request, reply) => {
        const { user, token, csrfToken } = await signIn(
          deps.db,
          { ...request.body, address: request.ip },
          sessionLimits(deps.config),
        );
        setSessionCookie(reply, request, deps.config, token, 'strict');
        return me(user.id, csrfToken);
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { beforeTotp: true },
        schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null(), ...errorResponses } },
      },
      async (request, reply) => {
        await signOut(deps.db, request.sessionId);
        clearSessionCookie(reply);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/me',
      {
        config: { beforeTotp: true },
        schema: { tags: ['me'], summary: 'The signed-in user', response: { 200: Me, ...errorResponses } },
      },
      async (request) => me(requireActor(request).id, request.csrfToken ?? ''),
    );

    app.patch(
      '/me',
      {
        config: { beforeTotp: true },
        schema: {
          tags: ['me'],
          summary: 'Change the preferred language',
          body: z.object({ language: z.enum(['en', 'fr']) }),
          response: { 200: Me, ...errorResponses },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await setLanguage(deps.db, actor, request.body.language);
        return me(actor.id, request.csrfToken ?? '');
      },
    );

    app.post(
      '/me/totp/setup',
      {
        config: { beforeTotp: true },
        schema: {
          tags: ['me'],
          summary: 'Start TOTP enrolment',
          response: { 200: TotpSetup, ...errorResponses },
        },
      },
      async (request) => setupTotp(deps.db, requireActor(request)),
    );

    for (const enabled of [true, false]) {
      app.post(
        `/me/totp/${enabled ? 'enable' : 'disable'}`,
        {
          config: { beforeTotp: true },
          schema: {
            tags: ['me'],
            summary: enabled ? 'Confirm TOTP enrolment with a code' : 'Turn TOTP off with a code',
            body: z.object({ code: z.string().regex(/^\d{6}$/) }),
            response: { 204: z.null(), ...errorResponses },
          },
        },
        async (request, reply) => {
          await setTotpEnabled(deps.db, requireActor(request), request.body.code, enabled);
          return reply.status(204).send(null);
        },
      );
    }

    app.get(
      '/me/tokens',
      {
        schema: {
          tags: ['me'],
          summary: 'My API tokens',
          response: { 200: z.object({ items: z.array(ApiToken) }), ...errorResponses },
        },
      },
      async (request) => ({
        items: (await listOwnApiTokens(deps.db, requireActor(request))).map(presentToken),
      }),
    );

    app.post(
      '/me/tokens',
      {
        schema: {
          tags: ['me'],
          summary: 'Create an API token (shown once)',
          body: z.object({ name: text(100), expiresAt: Instant.optional() }),
          response: { 201: ApiToken.extend({ token: z.string() }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const expiresAt = request.body.expiresAt ? new Date(request.body.expiresAt) : undefined;
        const created = await createApiToken(deps.db, requireActor(request), { name: request.body.name, expiresAt });
        return reply.status(201).send({ ...presentToken(created), token: created.token });
      },
    );

    app.delete(
      '/me/tokens/:id',
      {
        schema: {
          tags: ['me'],
          summary: 'Revoke an API token',
          params: z.object({ id: z.uuid() }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await revokeOwnApiToken(deps.db, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
