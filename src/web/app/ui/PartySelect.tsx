import type { Party } from '../../../contract/directory.ts';
import { useI18n } from '../i18n.tsx';
import { Field } from './Field.tsx';
import { useParties } from './useParties.ts';

interface Props {
  value: string;
  onChange(party: string): void;
  label?: string;
}

/** A select's options naming each party by its id and name. */
export function PartyOptions({ parties }: { parties: readonly Party[] }) {
  return (
    <>
      {parties.map((p) => (
        <option key={p.id} value={p.id}>
          {p.id} — {p.name}
        </option>
      ))}
    </>
  );
}

/** A labelled select of the parties (GET /parties). */
export function PartySelect({ value, onChange, label }: Props) {
  const { t } = useI18n();
  const parties = useParties();
  return (
    <Field label={label ?? t('common.party')}>
      {(c) => (
        <select
          {...c}
          name="party"
          value={value}
          disabled={parties === null}
          onChange={(e) => onChange(e.target.value)}
        >
          {/* The current value stays selectable while the list loads. */}
          {parties === null && <option value={value}>{value}</option>}
          {parties && <PartyOptions parties={parties} />}
        </select>
      )}
    </Field>
  );
}
