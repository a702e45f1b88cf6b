import { SEVERITIES } from '../../../domain/taxonomy.ts';
import { useI18n } from '../i18n.tsx';
import { Options } from '../ui/form/inputs.tsx';

export type ScaleRow = { national: string; common: string };

/** SEC-9: the party's national severity levels, each mapped to the common scale. */
export function SeverityScaleEditor({ rows, onChange }: { rows: ScaleRow[]; onChange(rows: ScaleRow[]): void }) {
  const { t } = useI18n();
  const set = (index: number, patch: Partial<ScaleRow>) =>
    onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <fieldset className="checklist-fieldset">
      <legend>{t('policy.scale')}</legend>
      {rows.length === 0 && <p className="muted">{t('policy.scaleEmpty')}</p>}
      {rows.map((row, index) => (
        <div key={index} className="form-row">
          <label className="field">
            <span className="field__label">{t('policy.national', { n: index + 1 })}</span>
            <input value={row.national} maxLength={60} onChange={(e) => set(index, { national: e.target.value })} />
          </label>
          <label className="field">
            <span className="field__label">{t('policy.common', { n: index + 1 })}</span>
            <select value={row.common} onChange={(e) => set(index, { common: e.target.value })}>
              <Options values={SEVERITIES} label={(s) => t(`severity.${s}`)} />
            </select>
          </label>
          <button type="button" className="btn btn--ghost" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            {t('policy.removeLevel', { n: index + 1 })}
          </button>
        </div>
      ))}
      <button type="button" className="btn" onClick={() => onChange([...rows, { national: '', common: 'medium' }])}>
        {t('policy.addLevel')}
      </button>
    </fieldset>
  );
}
