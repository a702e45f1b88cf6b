import { useI18n } from '../i18n.tsx';
import { TextField } from '../ui/form/inputs.tsx';

export interface Basics {
  title: string;
  description: string;
  service: string;
}

export const EMPTY_BASICS: Basics = { title: '', description: '', service: '' };

interface Props {
  value: Basics;
  onChange(patch: Partial<Basics>): void;
  /** The service is optional (requests take it from the catalogue). */
  serviceOptional?: boolean;
  /** The title is optional (requests default to the catalogue item's name). */
  titleOptional?: boolean;
  titleHint?: string;
  /** Rows of the description (4). */
  rows?: number;
  serviceHint?: string;
}

/** Title, description and service of a new ticket (errors from the enclosing form). */
export function BasicsFields({ value, onChange, serviceOptional, titleOptional, titleHint, rows, serviceHint }: Props) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        name="title"
        label={t('ticket.title')}
        hint={titleHint}
        required={!titleOptional}
        maxLength={200}
        value={value.title}
        onChange={(title) => onChange({ title })}
      />
      <TextField
        name="description"
        label={t('ticket.description')}
        rows={rows ?? 4}
        value={value.description}
        onChange={(description) => onChange({ description })}
      />
      {!serviceOptional && (
        <TextField
          name="service"
          label={t('ticket.service')}
          hint={serviceHint}
          required
          maxLength={120}
          value={value.service}
          onChange={(service) => onChange({ service })}
        />
      )}
    </>
  );
}
export function basicsBody(value: Basics, { withService = true } = {}): Record<string, string> {
  const body: Record<string, string> = { title: value.title.trim() };
  if (withService) body.service = value.service.trim();
  if (value.description.trim()) body.description = value.description.trim();
  return body;
}
