import { detailsOf } from '../../details.ts';
import { RISKS } from '../../../../domain/processes.ts';
import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { isoToLocalInput, localInputToUtc } from '../../ui/datetime.ts';
import { useFieldError } from '../../ui/errors.tsx';
import { Field } from '../../ui/Field.tsx';
import { useParties } from '../../ui/useParties.ts';
import { useDraftField } from '../../ui/form/drafts.ts';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';
import { Options } from '../../ui/form/inputs.tsx';
import { WindowFields } from '../../ui/form/WindowFields.tsx';

/** The change assessment: risk, impact, affected services and parties, planned slot, implementation and rollback plans. */
export function AssessForm({ detail, ...props }: ActionFormProps & { detail: TicketDetail }) {
  const { t } = useI18n();
  const parties = useParties();
  const previous = detailsOf(detail, 'change')?.assessment ?? null;
  const [risk, setRisk] = useDraftField<string>('risk', previous?.risk ?? 'medium');
  const [impactAnalysis, setImpactAnalysis] = useDraftField('impactAnalysis', previous?.impactAnalysis ?? '');
  const [services, setServices] = useDraftField(
    'services',
    (previous?.affectedServices ?? [detail.service]).join(', '),
  );
  const [affected, setAffected] = useDraftField<string[]>('affected', previous?.affectedParties ?? [detail.ownerParty]);
  const [plannedStart, setPlannedStart] = useDraftField(
    'plannedStart',
    previous ? isoToLocalInput(previous.plannedStart) : '',
  );
  const [plannedEnd, setPlannedEnd] = useDraftField('plannedEnd', previous ? isoToLocalInput(previous.plannedEnd) : '');
  const [implementationPlan, setImplementationPlan] = useDraftField(
    'implementationPlan',
    previous?.implementationPlan ?? '',
  );
  const [rollbackPlan, setRollbackPlan] = useDraftField('rollbackPlan', previous?.rollbackPlan ?? '');
  const fieldError = useFieldError(props.error);

  function toggleParty(party: string, on: boolean) {
    setAffected((list) => (on ? [...list.filter((p) => p !== party), party] : list.filter((p) => p !== party)));
  }

  function body() {
    return {
      risk,
      impactAnalysis: impactAnalysis.trim(),
      affectedServices: services
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      affectedParties: affected,
      plannedStart: localInputToUtc(plannedStart) ?? '',
      plannedEnd: localInputToUtc(plannedEnd) ?? '',
      implementationPlan: implementationPlan.trim(),
      rollbackPlan: rollbackPlan.trim(),
    };
  }

  const area = (name: string, value: string, set: (v: string) => void) => (
    <Field label={t(`action.assess.${name}`)} required name={name}>
      {(c) => <textarea {...c} name={name} rows={3} required value={value} onChange={(e) => set(e.target.value)} />}
    </Field>
  );

  return (
    <ActionForm action="assess" body={body} {...props}>
      <Field label={t('action.assess.risk')} required name="risk">
        {(c) => (
          <select {...c} name="risk" value={risk} onChange={(e) => setRisk(e.target.value)}>
            <Options values={RISKS} label={(r) => t(`risk.${r}`)} />
          </select>
        )}
      </Field>
      {area('impactAnalysis', impactAnalysis, setImpactAnalysis)}
      <Field
        label={t('action.assess.affectedServices')}
        required
        name="affectedServices"
        hint={t('action.assess.affectedServicesHint')}
      >
        {(c) => (
          <input
            {...c}
            name="affectedServices"
            required
            value={services}
            onChange={(e) => setServices(e.target.value)}
          />
        )}
      </Field>
      <fieldset className="radio-group">
        <legend>{t('action.assess.affectedParties')}</legend>
        {(parties ?? []).map((party) => (
          <label key={party.id} className="check">
            <input
              type="checkbox"
              name="affectedParties"
              value={party.id}
              checked={affected.includes(party.id)}
              onChange={(e) => toggleParty(party.id, e.target.checked)}
            />
            {party.id} — {party.name}
          </label>
        ))}
        <p className="hint">{t('action.assess.affectedPartiesHint')}</p>
        {fieldError('affectedParties') && (
          <p className="field-error" role="alert">
            {fieldError('affectedParties')}
          </p>
        )}
      </fieldset>
      <WindowFields
        names={['plannedStart', 'plannedEnd']}
        allowPast
        startsAt={plannedStart}
        endsAt={plannedEnd}
        setStartsAt={setPlannedStart}
        setEndsAt={setPlannedEnd}
        startLabel={t('action.assess.plannedStart')}
        endLabel={t('action.assess.plannedEnd')}
      />
      {area('implementationPlan', implementationPlan, setImplementationPlan)}
      {area('rollbackPlan', rollbackPlan, setRollbackPlan)}
    </ActionForm>
  );
}
