import { SENSITIVITIES } from '../../../domain/sensitivity.ts';
import { choiceOf, Options } from '../ui/form/inputs.tsx';
import type { Priority } from '../../../domain/priority.ts';
import type { Sensitivity } from '../../../domain/sensitivity.ts';
import { useI18n } from '../i18n.tsx';
import { PriorityBadge } from '../ui/badges.tsx';
import { CRITICALITIES, IMPACTS, levelsUpTo, PRIORITIES } from '../ui/constants.ts';
import { Field } from '../ui/Field.tsx';
import type { IncidentDraft } from './draft.ts';

interface Props {
  draft: IncidentDraft;
  update(patch: Partial<IncidentDraft>): void;
  computed: Priority;
  clearance: Sensitivity;
}

/** Impact × criticality with the live SLA-1 priority, its optional override, and sensitivity. */
export function ClassificationFields({ draft, update, computed, clearance }: Props) {
  const { t } = useI18n();
  return (
    <fieldset className="form-section">
      <legend>{t('incident.section.classification')}</legend>
      <div className="form-row">
        <Field label={t('ticket.impact')} name="impact">
          {(c) => (
            <select
              {...c}
              name="impact"
              value={draft.impact}
              onChange={(e) => update({ impact: choiceOf(IMPACTS, e.target.value, draft.impact) })}
            >
              <Options values={IMPACTS} label={(i) => t(`impact.${i}`)} />
            </select>
          )}
        </Field>
        <Field label={t('ticket.criticality')} name="criticality">
          {(c) => (
            <select
              {...c}
              name="criticality"
              value={draft.criticality}
              onChange={(e) => update({ criticality: choiceOf(CRITICALITIES, e.target.value, draft.criticality) })}
            >
              <Options values={CRITICALITIES} label={(k) => t(`criticality.${k}`)} />
            </select>
          )}
        </Field>
        <div className="field">
          <span className="label" id="computed-priority-label">
            {t('incident.computedPriority')}
          </span>
          <output className="computed-priority" aria-labelledby="computed-priority-label" aria-live="polite">
            <PriorityBadge priority={computed} /> {t(`priority.${computed}`)}
          </output>
        </div>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.override}
          onChange={(e) => update({ override: e.target.checked, priority: computed })}
        />
        {t('incident.overridePriority')}
      </label>
      {draft.override && (
        <div className="form-row">
          <Field label={t('ticket.priority')} name="priority">
            {(c) => (
              <select
                {...c}
                name="priority"
                value={draft.priority}
                onChange={(e) => update({ priority: choiceOf(PRIORITIES, e.target.value, draft.priority) })}
              >
                <Options values={PRIORITIES} label={(p) => t(`priority.${p}`)} />
              </select>
            )}
          </Field>
          <Field
            label={t('ticket.priorityReason')}
            required={draft.priority !== computed}
            name="priorityReason"
            className="grow"
          >
            {(c) => (
              <textarea
                {...c}
                name="priorityReason"
                rows={2}
                required={draft.priority !== computed}
                value={draft.priorityReason}
                onChange={(e) => update({ priorityReason: e.target.value })}
              />
            )}
          </Field>
        </div>
      )}
      <Field label={t('ticket.sensitivity')} name="sensitivity" hint={t('incident.sensitivityHint')}>
        {(c) => (
          <select
            {...c}
            name="sensitivity"
            value={draft.sensitivity}
            onChange={(e) => update({ sensitivity: choiceOf(SENSITIVITIES, e.target.value, draft.sensitivity) })}
          >
            <Options values={levelsUpTo(clearance)} label={(s) => t(`sensitivity.${s}`)} />
          </select>
        )}
      </Field>
    </fieldset>
  );
}
