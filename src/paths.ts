import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * The project's root folder. This module is `src/paths.ts` when the sources run through tsx and is
 * inlined into `dist/passerelle.mjs` when the server bundle runs (`npm run build:server`): both sit
 * one folder below the root, so the same relative URL finds it.
 */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A path below the project's root. */
export function projectPath(...parts: string[]): string {
  return join(PROJECT_ROOT, ...parts);
}
