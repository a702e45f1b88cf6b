import { useI18n } from '../i18n.tsx';
import { useExactFieldError } from '../ui/errors.tsx';
import { Field } from '../ui/Field.tsx';

export interface Basics {
  title: string;
  description: string;
  service: string;
}

export const EMPTY_BASICS: Basics = { title: '', description: '', service: '' };

interface Props {
  value: Basics;
  onChange(patch: Partial<Basics>): void;
  error: unknown;
  /** The service is optional (requests take it from the catalogue). */
  serviceOptional?: boolean;
  /** The title is optional (requests default to the catalogue item's name). */
  titleOptional?: boolean;
  titleHint?: string;
}

/** Title, description and service of a new ticket. */
export function BasicsFields({ value, onChange, error, serviceOptional, titleOptional, titleHint }: Props) {
  const { t } = useI18n();
  const fieldError = useExactFieldError(error);
  return (
    <>
      <Field label={t('ticket.title')} required={!titleOptional} error={fieldError('title')} hint={titleHint}>
        {(c) => (
          <input
            {...c}
            name="title"
            required={!titleOptional}
            maxLength={200}
            value={value.title}
            onChange={(e) => onChange({ title: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('ticket.description')} error={fieldError('description')}>
        {(c) => (
          <textarea
            {...c}
            name="description"
            rows={4}
            value={value.description}
            onChange={(e) => onChange({ description: e.target.value })}
          />
        )}
      </Field>
      {!serviceOptional && (
        <Field label={t('ticket.service')} required error={fieldError('service')}>
          {(c) => (
            <input
              {...c}
              name="service"
              required
              maxLength={120}
              value={value.service}
              onChange={(e) => onChange({ service: e.target.value })}
            />
          )}
        </Field>
      )}
    </>
  );
}

/** The basics as a request body: the description only when given. */
export function basicsBody(value: Basics, { withService = true } = {}): Record<string, string> {
  const body: Record<string, string> = { title: value.title.trim() };
  if (withService) body.service = value.service.trim();
  if (value.description.trim()) body.description = value.description.trim();
  return body;
}
