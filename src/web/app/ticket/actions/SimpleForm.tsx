import { ACTION_CONTRACTS } from '../../../../contract/actions.ts';
import { useI18n } from '../../i18n.tsx';
import { Field } from '../../ui/Field.tsx';
import { useDraftField } from '../../ui/form/drafts.ts';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';

export interface FieldSpec {
  name: string;
  multiline?: boolean;
  required?: boolean;
  /** A ticket reference (monospace, upper-cased). */
  reference?: boolean;
  /** A select of these values; labels from `optionLabel`, else the translation key `<optionKey>.<value>`. */
  options?: readonly string[];
  optionKey?: string;
  optionLabel?(value: string): string;
}

const NOTE: FieldSpec = { name: 'note', multiline: true };
const REASON: FieldSpec = { name: 'reason', multiline: true, required: true };
const text = (...names: string[]): FieldSpec[] => names.map((name) => ({ name, multiline: true, required: true }));

/** Actions whose body is a few text fields. */
export const SIMPLE_ACTIONS: Record<string, FieldSpec[]> = {
  pend: [REASON],
  resume: [],
  resolve: [{ name: 'resolution', multiline: true, required: true }],
  reject_resolution: [REASON],
  verify: [NOTE],
  record_known_error: [
    { name: 'knownError', multiline: true, required: true },
    { name: 'workaround', multiline: true, required: true },
  ],
  record_recurrence: [{ name: 'title' }, { name: 'description', multiline: true }],
  // PARTY-4, every process type.
  record_disagreement: [REASON],
  decide_disagreement: [{ name: 'decision', multiline: true, required: true }],
  // Problems.
  link_incident: [{ name: 'incident', required: true, reference: true }],
  record_root_cause: [
    { name: 'rootCause', multiline: true, required: true },
    { name: 'workaround', multiline: true },
  ],
  publish_known_error: text('symptoms', 'cause', 'workaround'),
  // Requests and changes.
  approve: [NOTE],
  refuse: [REASON],
  reject: [REASON],
  complete_task: [NOTE],
  forward_task: [{ name: 'thirdParty', required: true }, NOTE],
  reject_fulfilment: [REASON],
  submit: [],
  review_implementation: [
    {
      name: 'outcome',
      required: true,
      options: ACTION_CONTRACTS.review_implementation.body.shape.outcome.options,
      optionKey: 'pir',
    },
    { name: 'notes', multiline: true, required: true },
  ],
  // Consultations (CBM-5).
  acknowledge: [],
  answer: [{ name: 'answer', multiline: true, required: true }],
  record_outcome: [{ name: 'outcome', multiline: true, required: true }],
  // Releases.
  add_change: [{ name: 'change', required: true, reference: true }],
  remove_change: [{ name: 'change', required: true, reference: true }],
  record_plan: text('scope', 'riskProfile', 'affectedUsers', 'responsibleTeam', 'deploymentStrategy', 'resources'),
  start_build: [],
  prepare_deployment: [],
  record_deployment: text('executionPlan', 'rollbackApproach', 'notifications'),
  accept_window: [],
  refuse_window: [REASON],
  approve_deployment: [NOTE],
  // Outside the joint window only for an emergency change, with the reason (REL-2, REL-4).
  deploy: [NOTE, { name: 'emergencyReason', multiline: true }],
  rollback: [REASON, { name: 'restored', multiline: true, required: true }],
  restart: [
    { name: 'to', required: true, options: ACTION_CONTRACTS.restart.body.shape.to.options, optionKey: 'status' },
  ],
  // Security incidents (SEC-4 … SEC-8).
  contain: [{ name: 'summary', multiline: true, required: true }],
  issue_response_report: [],
  issue_final_report: [],
  record_indicator: [
    { name: 'name', required: true },
    { name: 'pattern', multiline: true, required: true },
  ],
  notify_authority: [
    { name: 'stage', required: true, options: ['early_warning', 'notification', 'final_report'], optionKey: 'stage' },
    { name: 'recipient', required: true },
    { name: 'content', multiline: true, required: true },
  ],
  // Closing a problem, change, release or security incident: a note only.
  close_note: [NOTE],
};

interface Props extends ActionFormProps {
  action: string;
  /** The fields, when not those of SIMPLE_ACTIONS[action]. */
  specs?: FieldSpec[];
  /** Values the fields start with (e.g. the plan already recorded). */
  initial?: Record<string, string> | undefined;
}

/** A form of text and select fields; empty optional fields are left out of the body. */
export function SimpleForm({ action, specs: given, initial, ...props }: Props) {
  const { t } = useI18n();
  const specs = given ?? SIMPLE_ACTIONS[action] ?? [];
  const [values, setValues] = useDraftField<Record<string, string>>('values', () => {
    const start: Record<string, string> = { ...initial };
    for (const spec of specs)
      if (spec.options && start[spec.name] === undefined) start[spec.name] = spec.options[0] ?? '';
    return start;
  });
  const set = (name: string, value: string) => setValues((v) => ({ ...v, [name]: value }));

  function body() {
    const body: Record<string, string> = {};
    for (const spec of specs) {
      let value = (values[spec.name] ?? '').trim();
      if (spec.reference) value = value.toUpperCase();
      if (value || spec.required) body[spec.name] = value;
    }
    return body;
  }

  return (
    <ActionForm action={action} body={body} {...props}>
      {specs.length === 0 && <p className="muted">{t(`action.${action}.confirm`)}</p>}
      {specs.map((spec) => (
        <Field key={spec.name} label={t(`action.${action}.${spec.name}`)} required={spec.required} name={spec.name}>
          {(c) => {
            const common = { ...c, name: spec.name, required: spec.required, value: values[spec.name] ?? '' };
            if (spec.options) {
              return (
                <select {...common} onChange={(e) => set(spec.name, e.target.value)}>
                  {spec.options.map((option) => (
                    <option key={option} value={option}>
                      {spec.optionLabel ? spec.optionLabel(option) : t(`${spec.optionKey ?? 'option'}.${option}`)}
                    </option>
                  ))}
                </select>
              );
            }
            return spec.multiline ? (
              <textarea {...common} rows={3} onChange={(e) => set(spec.name, e.target.value)} />
            ) : (
              <input
                {...common}
                className={spec.reference ? 'mono' : undefined}
                spellCheck={spec.reference ? false : undefined}
                onChange={(e) => set(spec.name, e.target.value)}
              />
            );
          }}
        </Field>
      ))}
    </ActionForm>
  );
}
