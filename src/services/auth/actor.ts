import type { UserRow } from '../../store/directory.ts';
import type { Actor } from '../../domain/actor.ts';

/** The actor a user row stands for. */
export function actorOf(user: UserRow): Actor {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    party: user.partyId,
    roles: user.roles,
    clearance: user.clearance,
    language: user.language,
  };
}
