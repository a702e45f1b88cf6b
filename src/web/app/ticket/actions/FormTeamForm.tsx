import { NO_SECURITY_DETAILS, securityDetailsOf } from '../../details.ts';
import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { useTaxonomy } from '../../security/useTaxonomy.ts';
import { useFieldError } from '../../ui/errors.tsx';
import { Field } from '../../ui/Field.tsx';
import { useDraftField } from '../../ui/form/drafts.ts';
import { Checks, Options } from '../../ui/form/inputs.tsx';
import { RadioSwitch } from '../../ui/RadioSwitch.tsx';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';
import { useDirectory } from './useDirectory.ts';

const IMT_ROLES = ['imt_member', 'security_officer'];
const MODES = ['members', 'roster'] as const;

/** SEC-2: the security officer names the incident management team, or takes the roster for the event type. */
export function FormTeamForm({ detail, ...props }: ActionFormProps & { detail: TicketDetail }) {
  const { t } = useI18n();
  const taxonomy = useTaxonomy();
  const { users } = useDirectory();
  const details = securityDetailsOf(detail) ?? NO_SECURITY_DETAILS;
  const [mode, setMode] = useDraftField<(typeof MODES)[number]>('mode', 'members');
  const [members, setMembers] = useDraftField<string[]>('members', () => detail.team ?? []);
  const [eventType, setEventType] = useDraftField('eventType', details.taxonomy?.class ?? details.eventType ?? '');
  const fieldError = useFieldError(props.error);
  // `GET /users` does not say who holds which role yet: everyone of the party is offered then, the server checks clearance.
  const candidates = users.filter((u) => !u.roles || u.roles.some((r) => IMT_ROLES.includes(r)));

  function body() {
    if (mode === 'members') return { members };
    else return eventType ? { eventType } : {};
  }

  return (
    <ActionForm action="form_team" body={body} {...props}>
      <RadioSwitch
        inline={false}
        legend={t('action.form_team.mode')}
        name="mode"
        options={MODES}
        value={mode}
        label={(m) => t(`action.form_team.mode.${m}`)}
        onChange={setMode}
      />
      {mode === 'members' ? (
        <fieldset
          className="checklist-fieldset"
          aria-describedby={fieldError('members') ? 'form-team-error' : undefined}
        >
          <legend>{t('action.form_team.members')}</legend>
          <Checks
            name="members"
            options={candidates.map((u) => u.id)}
            value={members}
            label={(id) => {
              const u = candidates.find((c) => c.id === id);
              return (
                <>
                  {u?.displayName} <span className="muted mono">{u?.username}</span>
                </>
              );
            }}
            onChange={setMembers}
          />
          <p className="hint">{t('action.form_team.membersHint')}</p>
          {fieldError('members') && (
            <p id="form-team-error" className="field-error" role="alert">
              {fieldError('members')}
            </p>
          )}
        </fieldset>
      ) : (
        <Field label={t('action.form_team.eventType')} name="eventType" hint={t('action.form_team.eventTypeHint')}>
          {(c) => (
            <select {...c} name="eventType" value={eventType} onChange={(e) => setEventType(e.target.value)}>
              <option value="">{t('action.form_team.eventTypeDefault')}</option>
              <Options values={taxonomy.classes.map((k) => k.value)} label={taxonomy.classLabel} />
            </select>
          )}
        </Field>
      )}
    </ActionForm>
  );
}
