import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { CRITICALITIES, IMPACTS, levelsUpTo } from '../ui/constants.ts';
import { SelectField } from '../ui/form/inputs.tsx';

type Kind = 'impact' | 'criticality' | 'sensitivity';

interface Props {
  kind: Kind;
  value: string;
  onChange(value: string): void;
  /** Label of an empty first option (the field is then optional). */
  emptyLabel?: string;
  hint?: string;
}

/** A select of impacts, criticalities or the sensitivities up to the user's clearance. */
export function ClassSelect({ kind, value, onChange, emptyLabel, hint }: Props) {
  const { t } = useI18n();
  const { user } = useSession();
  const options: readonly string[] =
    kind === 'impact' ? IMPACTS : kind === 'criticality' ? CRITICALITIES : levelsUpTo(user.clearance);
  return (
    <SelectField
      name={kind}
      label={t(`ticket.${kind}`)}
      hint={hint}
      value={value}
      onChange={onChange}
      options={[
        ...(emptyLabel !== undefined ? [{ value: '', label: emptyLabel }] : []),
        ...options.map((o) => ({ value: o, label: t(`${kind}.${o}`) })),
      ]}
    />
  );
}
