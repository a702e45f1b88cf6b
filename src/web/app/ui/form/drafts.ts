import { createContext, useCallback, useContext, useState } from 'react';

const PREFIX = 'passerelle.draft.';

/** The draft a form writes to: one per ticket and action (`<ticket id>:<action>`), or none. */
export const DraftScope = createContext<string | null>(null);

function read(scope: string): Record<string, unknown> {
  try {
    const stored = sessionStorage.getItem(PREFIX + scope);
    return stored ? (JSON.parse(stored) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** True when the scope holds something typed and not yet sent. */
export function hasDraft(scope: string): boolean {
  return Object.values(read(scope)).some((v) => v !== '' && v !== false && !(Array.isArray(v) && v.length === 0));
}

/** Drops a draft (sent, or discarded by the user). */
export function discardDraft(scope: string): void {
  sessionStorage.removeItem(PREFIX + scope);
}

/** Drops every draft (sign-out: the next person at the desk sees none). */
export function discardAllDrafts(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
}

/**
 * A form value kept in the draft of the enclosing `DraftScope` (sessionStorage) until the form
 * is sent or discarded, so closing the form, Escape or a reload loses nothing; a plain state outside a scope.
 */
export function useDraftField<T>(name: string, initial: T | (() => T)): [T, (next: T | ((previous: T) => T)) => void] {
  const scope = useContext(DraftScope);
  const [value, setValue] = useState<T>(() => {
    const stored = scope ? read(scope) : {};
    // A draft is written only by this hook for this field (same scope and name), so it holds a T.
    if (name in stored) return stored[name] as T;
    // T itself is never a function here (a draft is JSON), so a function is the lazy initial value.
    return typeof initial === 'function' ? (initial as () => T)() : initial;
  });
  const set = useCallback(
    (next: T | ((previous: T) => T)) =>
      setValue((previous) => {
        // As above: a function is an updater, never a value.
        const value = typeof next === 'function' ? (next as (previous: T) => T)(previous) : next;
        if (scope) sessionStorage.setItem(PREFIX + scope, JSON.stringify({ ...read(scope), [name]: value }));
        return value;
      }),
    [scope, name],
  );
  return [value, set];
}
