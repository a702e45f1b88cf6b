import type { FastifyInstance } from 'fastify';
import { AppError } from '../domain/errors.ts';
import { storable } from '../contract/schemas.ts';

/** How deep a JSON body may nest; the deepest real body (a request form's values) is a few levels. */
export const MAX_BODY_DEPTH = 32;

/**
 * Where a parsed JSON body cannot be handled safely, or null: nested deeper than MAX_BODY_DEPTH
 * (recursive code further on would overflow the stack), or a string PostgreSQL cannot store
 * (an unpaired surrogate or a NUL). Walks the body iteratively, so the check itself cannot overflow.
 */
export function unsafeBodyPart(body: unknown): { path: string; detail: 'too_deep' | 'well_formed_text' } | null {
  const stack: { value: unknown; path: string[] }[] = [{ value: body, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (!storable(value)) return { path: path.join('.') || 'body', detail: 'well_formed_text' };
    } else if (value !== null && typeof value === 'object') {
      if (path.length >= MAX_BODY_DEPTH) return { path: path.join('.'), detail: 'too_deep' };
      for (const [key, item] of Object.entries(value)) {
        if (!storable(key)) return { path: [...path, '?'].join('.'), detail: 'well_formed_text' };
        stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return null;
}

/**
 * Refuses, before validation, a body nested too deep or a body, query or path parameter carrying
 * text the database cannot store (400, field named).
 */
export function registerBodyChecks(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const part of [request.params, request.query, request.body]) {
      const found = unsafeBodyPart(part);
      if (found)
        throw new AppError('validation.invalid', found.path, {
          field: found.path,
          detail: found.detail,
          depth: MAX_BODY_DEPTH,
        });
    }
  });
}
