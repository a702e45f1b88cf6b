import { CIA, type Cia as CiaField } from '../../../../domain/security.ts';
import { NO_SECURITY_DETAILS, securityDetailsOf } from '../../details.ts';
import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { useTaxonomy } from '../../security/useTaxonomy.ts';
import { IMPACTS } from '../../ui/constants.ts';
import { isoToLocalInput, localInputToUtc } from '../../ui/datetime.ts';
import { Field } from '../../ui/Field.tsx';
import { useDraftField } from '../../ui/form/drafts.ts';
import { Checks, Options } from '../../ui/form/inputs.tsx';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';

/** SEC-1/SEC-9: taxonomy class and type, severity, impact, awareness, personal data and C/I/A touched. */
export function CharacteriseForm({ detail, ...props }: ActionFormProps & { detail: TicketDetail }) {
  const { t } = useI18n();
  const taxonomy = useTaxonomy();
  const d = securityDetailsOf(detail) ?? NO_SECURITY_DETAILS;
  const [klass, setKlass] = useDraftField('klass', d.taxonomy?.class ?? '');
  const [type, setType] = useDraftField('type', d.taxonomy?.type ?? '');
  const [severity, setSeverity] = useDraftField<string>('severity', d.severity ?? 'medium');
  const [impact, setImpact] = useDraftField<string>('impact', detail.impact);
  const [awareAt, setAwareAt] = useDraftField('awareAt', d.awareAt ? isoToLocalInput(d.awareAt) : '');
  const [personalData, setPersonalData] = useDraftField('personalData', d.personalData ?? false);
  const [cia, setCia] = useDraftField<CiaField[]>('cia', d.ciaAffected ?? []);
  const types = taxonomy.classes.find((c) => c.value === klass)?.types ?? [];

  function body() {
    const aware = localInputToUtc(awareAt);
    return {
      taxonomyClass: klass,
      taxonomyType: type,
      severity,
      impact,
      personalData,
      ciaAffected: cia,
      ...(aware ? { awareAt: aware } : {}),
    };
  }

  return (
    <ActionForm action="characterise" body={body} {...props}>
      <Field label={t('security.taxonomyClass')} required name="taxonomyClass">
        {(c) => (
          <select
            {...c}
            name="taxonomyClass"
            required
            value={klass}
            onChange={(e) => {
              setKlass(e.target.value);
              setType('');
            }}
          >
            <option value="">{t('common.choose')}</option>
            <Options values={taxonomy.classes.map((k) => k.value)} label={taxonomy.classLabel} />
          </select>
        )}
      </Field>
      <Field label={t('security.taxonomyType')} required name="taxonomyType">
        {(c) => (
          <select
            {...c}
            name="taxonomyType"
            required
            value={type}
            disabled={!klass}
            onChange={(e) => setType(e.target.value)}
          >
            <option value="">{t('common.choose')}</option>
            {types.map((ty) => (
              <option key={ty.value} value={ty.value}>
                {taxonomy.typeLabel(klass, ty.value)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('security.severity')} required name="severity">
        {(c) => (
          <select {...c} name="severity" value={severity} onChange={(e) => setSeverity(e.target.value)}>
            <Options values={taxonomy.severities} label={(s) => t(`severity.${s}`)} />
          </select>
        )}
      </Field>
      <Field label={t('field.impact')} required name="impact">
        {(c) => (
          <select {...c} name="impact" value={impact} onChange={(e) => setImpact(e.target.value)}>
            <Options values={IMPACTS} label={(i) => t(`impact.${i}`)} />
          </select>
        )}
      </Field>
      <Field label={t('security.awareAt')} name="awareAt" hint={t('security.awareAtHint')}>
        {(c) => (
          <input
            {...c}
            type="datetime-local"
            name="awareAt"
            value={awareAt}
            onChange={(e) => setAwareAt(e.target.value)}
          />
        )}
      </Field>
      <label className="check">
        <input
          type="checkbox"
          name="personalData"
          checked={personalData}
          onChange={(e) => setPersonalData(e.target.checked)}
        />
        {t('security.personalData')}
      </label>
      <fieldset className="checklist-fieldset">
        <legend>{t('security.ciaAffected')}</legend>
        <Checks name="ciaAffected" options={CIA} value={cia} label={(field) => t(`cia.${field}`)} onChange={setCia} />
      </fieldset>
    </ActionForm>
  );
}
