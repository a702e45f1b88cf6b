import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config.ts';
import { AppError } from '../domain/errors.ts';
import type { Db } from '../store/db.ts';

export type Values = Record<string, string | boolean | string[] | undefined>;

/** One administration command: its options and what it does with the store. */
export interface Command {
  options: NonNullable<ParseArgsConfig['options']>;
  run(db: Db, values: Values, config: Config): Promise<unknown>;
}

export function required(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new AppError('validation.required', name, { field: name });
  return value;
}

export function oneOf<T extends string>(list: readonly T[], value: string, field: string): T {
  const found = list.find((item) => item === value);
  if (found === undefined)
    throw new AppError('validation.invalid', field, { field, detail: 'one_of', values: list.join(', ') });
  return found;
}

/** String options of a command, by name. */
export function stringOptions(...names: string[]): Command['options'] {
  return Object.fromEntries(names.map((name) => [name, { type: 'string' as const }]));
}

/** An option that may be left out. */
export function optional(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A `true`/`false` option, undefined when left out. */
export function yesNo(values: Values, name: string): boolean | undefined {
  const value = optional(values, name);
  return value === undefined ? undefined : oneOf(['true', 'false'] as const, value, name) === 'true';
}
