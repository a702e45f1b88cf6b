import type { Actor } from '../../domain/actor.ts';
import type { Db } from '../../store/db.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';

/** The store handle and ticket row as use cases take and give them (routes see the store through these only). */
export type { Db, TicketRow };

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
