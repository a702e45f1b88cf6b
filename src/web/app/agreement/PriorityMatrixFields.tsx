import type { z } from 'zod';
import type { Matrix as MatrixSchema } from '../../../contract/directory.ts';
import { CRITICALITIES, IMPACTS, PRIORITIES } from '../../../domain/priority.ts';
import { useI18n } from '../i18n.tsx';
import { SelectField } from '../ui/form/inputs.tsx';

export type Matrix = z.output<typeof MatrixSchema>;

/** SLA-1: the priority of each criticality × impact, one select per cell (rows: criticality). */
export function PriorityMatrixFields({ matrix, onChange }: { matrix: Matrix; onChange(matrix: Matrix): void }) {
  const { t } = useI18n();
  const options = PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }));
  return (
    <div className="block">
      <p className="hint">{t('agreement.matrixHint')}</p>
      {CRITICALITIES.map((c) => (
        <fieldset key={c} className="checklist-fieldset">
          <legend>{t(`criticality.${c}`)}</legend>
          <div className="form-row">
            {IMPACTS.map((i) => (
              <SelectField
                key={i}
                name={`matrix.${c}.${i}`}
                label={t(`impact.${i}`)}
                value={matrix[c][i]}
                options={options}
                onChange={(v) => onChange({ ...matrix, [c]: { ...matrix[c], [i]: v } })}
              />
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
