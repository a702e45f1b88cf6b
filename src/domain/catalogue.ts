import { isIP } from 'node:net';
import type { Risk } from './processes.ts';

export const CATALOGUE_KINDS = ['request', 'standard_change'] as const;
export type CatalogueKind = (typeof CATALOGUE_KINDS)[number];
export const FIELD_TYPES = ['text', 'textarea', 'email', 'date', 'cidr', 'select'] as const;
export const FULFILLERS = ['owner', 'other', 'both'] as const;
export type Fulfillers = (typeof FULFILLERS)[number];

/** What a catalogue item pre-fills: a standard change's assessment (CHG-3), a request's service. */
export interface CatalogueTemplate {
  risk?: Risk | undefined;
  impactAnalysis?: string | undefined;
  implementationPlan?: string | undefined;
  rollbackPlan?: string | undefined;
  service?: string | undefined;
}

export interface FormField {
  key: string;
  label: { en: string; fr: string };
  type: (typeof FIELD_TYPES)[number];
  required: boolean;
  options?: string[];
}

/** A request type or standard change as a party defines it (REQ-5, CHG-3). */
export interface CatalogueItemSpec {
  kind: CatalogueKind;
  code: string;
  name: { en: string; fr: string };
  description: { en: string; fr: string };
  fields: FormField[];
  approvalRequired: boolean;
  fulfillers: (typeof FULFILLERS)[number];
  /** Standard changes: the pre-approved assessment copied onto each change. */
  template?: CatalogueTemplate | null | undefined;
  active?: boolean | undefined;
}

const MAX = { text: 500, textarea: 10_000, email: 254, date: 10, cidr: 43, select: 200 } as const;

/** An IPv4/IPv6 address or CIDR block. */
export function isCidr(value: string): boolean {
  const [address = '', bits, extra] = value.split('/');
  if (extra !== undefined) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

function invalidReason(field: FormField, value: string): string | null {
  if (value.length > MAX[field.type] || value.includes('\u0000')) return 'too_long';
  switch (field.type) {
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? null : 'email';
    case 'date': {
      const day = new Date(`${value}T00:00:00Z`);
      return /^\d{4}-\d{2}-\d{2}$/.test(value) &&
        !Number.isNaN(day.getTime()) &&
        day.toISOString().slice(0, 10) === value
        ? null
        : 'iso_date';
    }
    case 'cidr':
      return isCidr(value) ? null : 'cidr';
    case 'select':
      return field.options?.includes(value) ? null : 'option';
    default:
      return null;
  }
}

/**
 * REQ-5: checks a request's form values against its catalogue fields. Returns the values kept
 * (trimmed, empty optional ones dropped) or the first offending field and why.
 */
export function validateForm(
  fields: readonly FormField[],
  values: Record<string, unknown>,
): { ok: true; values: Record<string, string> } | { ok: false; key: string; detail: string } {
  for (const key of Object.keys(values)) {
    if (!fields.some((f) => f.key === key)) return { ok: false, key, detail: 'unknown_field' };
  }
  const kept: Record<string, string> = {};
  for (const field of fields) {
    const raw = values[field.key];
    const value = typeof raw === 'string' ? raw.trim() : raw === undefined || raw === null ? '' : null;
    if (value === null) return { ok: false, key: field.key, detail: 'text' };
    if (value === '') {
      if (field.required) return { ok: false, key: field.key, detail: 'required' };
      continue;
    }
    const reason = invalidReason(field, value);
    if (reason) return { ok: false, key: field.key, detail: reason };
    kept[field.key] = value;
  }
  return { ok: true, values: kept };
}
