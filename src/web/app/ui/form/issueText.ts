import type { Lang } from '../../../../domain/lang.ts';
import { describeIssue } from '../../../../i18n/validation.ts';
import { translate } from '../../i18n.tsx';

/** What a zod issue tells about a field. */
export interface Issue {
  code: string;
  message: string;
  input?: unknown;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
}

/**
 * A short message for a person about one field (the label is shown next to it): "Fill in this
 * field", "At most 200 characters"… instead of the schema's own text; zod's locale for the rest.
 */
export function issueText(lang: Lang, issue: Issue): string {
  const empty = issue.input === undefined || issue.input === null || issue.input === '';
  const text = (key: string, params?: Record<string, string | number>) => translate(lang, `form.issue.${key}`, params);
  switch (issue.code) {
    case 'invalid_type':
      if (empty) return text('required');
      break;
    case 'too_small':
      if (issue.origin === 'string') return empty ? text('required') : text('tooShort', { n: Number(issue.minimum) });
      if (issue.origin === 'array' || issue.origin === 'set')
        return text('chooseAtLeast', { n: Number(issue.minimum) });
      break;
    case 'too_big':
      if (issue.origin === 'string') return text('tooLong', { n: Number(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set') return text('chooseAtMost', { n: Number(issue.maximum) });
      break;
    case 'invalid_value':
      return empty ? text('required') : text('choose');
    case 'invalid_format':
      return empty ? text('required') : text('format');
  }
  return describeIssue(lang, issue.code, { ...issue }, issue.message);
}
