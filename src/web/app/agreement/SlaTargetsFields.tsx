import { PRIORITIES } from '../../../domain/priority.ts';
import { useI18n } from '../i18n.tsx';
import { SelectField, TextField } from '../ui/form/inputs.tsx';
import { SLA_COLUMNS, type SlaRows, type TicketType } from './slaRows.ts';

interface Props {
  type: TicketType;
  onType(type: TicketType): void;
  rows: SlaRows;
  onChange(rows: SlaRows): void;
}

/** SLA-1: the targets per priority of one ticket type, in hours; a row left empty is not changed. */
export function SlaTargetsFields({ type, onType, rows, onChange }: Props) {
  const { t } = useI18n();
  return (
    <div className="block">
      <SelectField
        name="ticketType"
        label={t('agreement.sla.ticketType')}
        value={type}
        onChange={(v) => onType(v)}
        options={(['incident', 'request'] as const).map((v) => ({ value: v, label: t(`type.${v}`) }))}
      />
      <p className="hint">{t('agreement.sla.hint')}</p>
      {PRIORITIES.map((p) => (
        <fieldset key={p} className="checklist-fieldset">
          <legend>{t(`priority.${p}`)}</legend>
          <div className="form-row">
            {SLA_COLUMNS.map((c) => (
              <TextField
                key={c}
                name={`sla.${p}.${c}`}
                type="number"
                min="0"
                label={t(`agreement.sla.${c}Hours`)}
                value={rows[p][c]}
                onChange={(v) => onChange({ ...rows, [p]: { ...rows[p], [c]: v } })}
              />
            ))}
            <TextField
              name={`sla.${p}.pct`}
              type="number"
              min="1"
              label={t('agreement.sla.objective')}
              value={rows[p].pct}
              onChange={(v) => onChange({ ...rows, [p]: { ...rows[p], pct: v } })}
            />
          </div>
        </fieldset>
      ))}
    </div>
  );
}
