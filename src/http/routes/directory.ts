import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readDirectory, readPartyUsers } from '../../services/parties/read-directory.ts';
import { requireActor } from '../auth-hook.ts';
import { errorResponses } from '../../contract/schemas.ts';
import { DEFAULT_PRIORITY_MATRIX, isCompleteMatrix } from '../../domain/priority.ts';
import { updatePartySettings } from '../../services/parties/update-party-settings.ts';
import { Matrix, PartyLevel, Party, DirectoryUser } from '../../contract/directory.ts';
import type { RouteDeps } from './deps.ts';

/** Parties with their groups (transfer targets), and the caller's own party's people. */
export const directoryRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/parties',
      {
        schema: {
          tags: ['directory'],
          summary: 'Parties, their groups and escalation levels',
          response: { 200: z.object({ items: z.array(Party) }), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        const { parties, groups } = await readDirectory(deps.db);
        return {
          items: parties.map((p) => ({
            id: p.id,
            name: p.name,
            kind: p.kind,
            language: p.language,
            requireTotp: p.requireTotp,
            priorityMatrix: isCompleteMatrix(p.priorityMatrix) ? p.priorityMatrix : DEFAULT_PRIORITY_MATRIX,
            attachmentMaxBytes: p.attachmentMaxBytes,
            escalationLevels: p.escalationLevels,
            groups: groups.filter((g) => g.partyId === p.id).map((g) => ({ id: g.id, name: g.name, kind: g.kind })),
          })),
        };
      },
    );

    app.get(
      '/users',
      {
        schema: {
          tags: ['directory'],
          summary:
            "People of the caller's own party (assignment targets, team members), with their roles and clearance",
          response: {
            200: z.object({
              items: z.array(DirectoryUser),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const rows = await readPartyUsers(deps.db, actor.party);
        return {
          items: rows.map(({ user, groupIds }) => ({
            id: user.id,
            username: user.username,
            displayName: user.displayName,
            party: user.partyId,
            groupIds,
            roles: user.roles,
            clearance: user.clearance,
          })),
        };
      },
    );

    app.patch(
      '/parties/:id',
      {
        schema: {
          tags: ['directory'],
          summary:
            "Change a party's own settings: mandatory TOTP, priority matrix, escalation levels (its administrators only)",
          params: z.object({ id: z.string().max(10) }),
          body: z.object({
            requireTotp: z.boolean().optional(),
            priorityMatrix: Matrix.nullable().optional(),
            escalationLevels: z.array(PartyLevel).min(2).max(6).optional(),
            attachmentMaxBytes: z.number().int().min(1_000).max(25_000_000).optional(),
          }),
          response: {
            200: z.object({
              id: z.string(),
              requireTotp: z.boolean(),
              priorityMatrix: Matrix,
              escalationLevels: z.array(PartyLevel),
              attachmentMaxBytes: z.number().int(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const party = await updatePartySettings(deps.db, requireActor(request), request.params.id, request.body);
        return {
          id: party.id,
          requireTotp: party.requireTotp,
          priorityMatrix: isCompleteMatrix(party.priorityMatrix) ? party.priorityMatrix : DEFAULT_PRIORITY_MATRIX,
          escalationLevels: party.escalationLevels,
          attachmentMaxBytes: party.attachmentMaxBytes,
        };
      },
    );
  };
