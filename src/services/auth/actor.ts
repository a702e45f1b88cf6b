import type { Role } from '../../domain/roles.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import type { Lang } from '../../domain/lang.ts';
import type { UserRow } from '../../store/directory.ts';
import type { Actor } from '../../domain/actor.ts';

/** The actor a user row stands for. */
export function actorOf(user: UserRow): Actor {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    party: user.partyId,
    roles: user.roles as Role[],
    clearance: user.clearance as Sensitivity,
    language: user.language as Lang,
  };
}
