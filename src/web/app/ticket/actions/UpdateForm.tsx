import { choiceOf, Options } from '../../ui/form/inputs.tsx';
import type { Criticality, Impact, Priority } from '../../../../domain/priority.ts';
import type { Sensitivity } from '../../../../domain/sensitivity.ts';
import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { useSession } from '../../session.tsx';
import { CRITICALITIES, IMPACTS, levelsUpTo, matrixPriority, PRIORITIES } from '../../ui/constants.ts';
import { Field } from '../../ui/Field.tsx';
import { useDraftField } from '../../ui/form/drafts.ts';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';

type Draft = Pick<TicketDetail, 'title' | 'service' | 'description' | 'impact' | 'criticality' | 'sensitivity'>;
const KEYS = ['title', 'service', 'description', 'impact', 'criticality', 'sensitivity'] as const;

/** Re-assesses the ticket's fields (TKT-5); a priority off the matrix needs a reason. */
export function UpdateForm({ detail, ...props }: ActionFormProps & { detail: TicketDetail }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [draft, setDraft] = useDraftField<Draft>('draft', () => ({ ...detail }));
  const [override, setOverride] = useDraftField('override', false);
  const [priority, setPriority] = useDraftField<Priority>('priority', detail.priority);
  const [reason, setReason] = useDraftField('reason', '');
  const computed = matrixPriority(draft.impact, draft.criticality);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  function body() {
    const body: Record<string, unknown> = {};
    for (const key of KEYS)
      if (draft[key] !== detail[key]) body[key] = typeof draft[key] === 'string' ? draft[key].trim() : draft[key];
    if (override) Object.assign(body, { priority, ...(reason.trim() ? { priorityReason: reason.trim() } : {}) });
    return body;
  }

  const select = <T extends string>(
    key: 'impact' | 'criticality' | 'sensitivity',
    options: readonly T[],
    label: (o: T) => string,
  ) => (
    <Field label={t(`ticket.${key}`)} name={key}>
      {(c) => (
        <select {...c} name={key} value={draft[key]} onChange={(e) => set({ [key]: e.target.value })}>
          {options.map((o) => (
            <option key={o} value={o}>
              {label(o)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <ActionForm action="update" body={body} {...props}>
      <Field label={t('ticket.title')} required name="title">
        {(c) => (
          <input {...c} name="title" required value={draft.title} onChange={(e) => set({ title: e.target.value })} />
        )}
      </Field>
      <Field label={t('ticket.service')} required name="service">
        {(c) => (
          <input
            {...c}
            name="service"
            required
            value={draft.service}
            onChange={(e) => set({ service: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('ticket.description')} name="description">
        {(c) => (
          <textarea
            {...c}
            name="description"
            rows={4}
            value={draft.description}
            onChange={(e) => set({ description: e.target.value })}
          />
        )}
      </Field>
      {select<Impact>('impact', IMPACTS, (o) => t(`impact.${o}`))}
      {select<Criticality>('criticality', CRITICALITIES, (o) => t(`criticality.${o}`))}
      <p className="hint">{t('action.update.computed', { priority: computed })}</p>
      <label className="check">
        <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} />
        {t('action.update.override')}
      </label>
      {override && (
        <>
          <Field label={t('ticket.priority')} name="priority">
            {(c) => (
              <select
                {...c}
                name="priority"
                value={priority}
                onChange={(e) => setPriority(choiceOf(PRIORITIES, e.target.value, priority))}
              >
                <Options values={PRIORITIES} label={(p) => t(`priority.${p}`)} />
              </select>
            )}
          </Field>
          <Field label={t('ticket.priorityReason')} required={priority !== computed} name="priorityReason">
            {(c) => (
              <textarea
                {...c}
                name="priorityReason"
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </Field>
        </>
      )}
      {select<Sensitivity>('sensitivity', levelsUpTo(user.clearance), (o) => t(`sensitivity.${o}`))}
    </ActionForm>
  );
}
