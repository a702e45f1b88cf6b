import { Priority, text, Sensitivity } from './schemas.ts';
import { z } from 'zod';
import { LANGS } from '../domain/lang.ts';

/** Who is who: the signed-in user, API tokens, parties (response shapes of auth and directory routes). */

/** Who an account is, as both the signed-in user and a party administrator see it (`accountIdentity`). */
export const AccountIdentity = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  party: z.string(),
  roles: z.array(z.string()),
});

export const Me = z.object({
  user: AccountIdentity.extend({
    clearance: Sensitivity,
    language: z.enum(LANGS),
    totpEnabled: z.boolean(),
    totpRequired: z.boolean(),
  }),
  csrfToken: z.string(),
});

export const ApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});

export const PriorityRow = z.object({ I1: Priority, I2: Priority, I3: Priority });

export const Matrix = z.object({ C1: PriorityRow, C2: PriorityRow, C3: PriorityRow });

export const PartyLevel = z.object({ level: z.number().int().min(1).max(6), name: text(120) });

export const Party = z.object({
  id: z.string(),
  requireTotp: z.boolean(),
  priorityMatrix: Matrix,
  attachmentMaxBytes: z.number().int(),
  name: z.string(),
  kind: z.string(),
  language: z.string(),
  escalationLevels: z.array(PartyLevel),
  groups: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() })),
});

/** A person of the caller's own party (`GET /users`). */
export const DirectoryUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  party: z.string(),
  groupIds: z.array(z.uuid()),
  roles: z.array(z.string()),
  clearance: Sensitivity,
});

export type Me = z.output<typeof Me>;
export type User = Me['user'];
/** A token as listed; `token` (the secret) only in the reply that created it. */
export type ApiToken = z.output<typeof ApiToken> & { token?: string };
export type Party = z.output<typeof Party>;
export type DirectoryUser = z.output<typeof DirectoryUser>;

/** `POST /me/totp/setup`: the new second-factor secret and its otpauth:// URI (shown once, SEC-1). */
export const TotpSetup = z.object({ secret: z.string(), otpauthUri: z.string() });
export type TotpSetup = z.output<typeof TotpSetup>;
