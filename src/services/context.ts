import type { Role } from '../domain/roles.ts';
import type { Sensitivity } from '../domain/sensitivity.ts';
import type { Lang } from '../i18n/messages.ts';
import type { Db } from '../store/db.ts';

/** The signed-in person (or token owner) on whose behalf a service runs. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  party: string;
  roles: Role[];
  clearance: Sensitivity;
  language: Lang;
}

/** What every use case receives: the store, the actor and this instance's identity. */
export interface ServiceContext {
  db: Db;
  actor: Actor;
  instanceId: string;
  /** How the request arrived, recorded on created tickets (TKT-6). */
  channel?: 'console' | 'api' | 'cli';
  /** True when outgoing mail is configured (SMTP_URL): notifications then also go by e-mail. */
  mail?: boolean;
  /** The caller's network address (HTTP only): the IP allow-list lock-out guard checks it. */
  address?: string;
  /** The clock of the use case; tests pin it to replay history, production leaves it unset. */
  now?: () => Date;
}

/** The current instant for a use case. */
export function nowOf(ctx: { now?: (() => Date) | undefined }): Date {
  return ctx.now?.() ?? new Date();
}
