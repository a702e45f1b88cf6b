import type { Lang } from './lang.ts';
import type { Role } from './roles.ts';
import type { Sensitivity } from './sensitivity.ts';

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
