import type { Me, User } from '../../contract/directory.ts';
import { createContext, useContext } from 'react';

export interface Flash {
  message: string;
  /** The console path the message belongs to; it is shown only there. */
  path: string;
}

export interface Session {
  user: User;
  /** Replaces the signed-in user (after PATCH /me, TOTP changes…). */
  setMe(me: Me): void;
  signOut(): Promise<void>;
  /** Shows a confirmation on `path` (the current page when omitted). */
  notify(message: string, path?: string): void;
  /** Drops the confirmation shown (a later action makes it stale). */
  dismiss(): void;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user and session helpers. */
export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in console');
  return value;
}
