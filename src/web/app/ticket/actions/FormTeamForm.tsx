import { NO_SECURITY_DETAILS, securityDetailsOf } from '../../details.ts';
import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { useTaxonomy } from '../../security/useTaxonomy.ts';
import { useFieldError } from '../../ui/errors.tsx';
import { Field } from '../../ui/Field.tsx';
import { useDraftField } from '../../ui/form/drafts.ts';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';
import { useDirectory } from './useDirectory.ts';

const IMT_ROLES = ['imt_member', 'security_officer'];

/** SEC-2: the security officer names the incident management team, or takes the roster for the event type. */
export function FormTeamForm({ detail, ...props }: ActionFormProps & { detail: TicketDetail }) {
  const { t } = useI18n();
  const taxonomy = useTaxonomy();
  const { users } = useDirectory();
  const details = securityDetailsOf(detail) ?? NO_SECURITY_DETAILS;
  const [mode, setMode] = useDraftField<'members' | 'roster'>('mode', 'members');
  const [members, setMembers] = useDraftField<string[]>('members', () => detail.team ?? []);
  const [eventType, setEventType] = useDraftField('eventType', details.taxonomy?.class ?? details.eventType ?? '');
  const fieldError = useFieldError(props.error);
  // `GET /users` does not say who holds which role yet: everyone of the party is offered then, the server checks clearance.
  const candidates = users.filter((u) => !u.roles || u.roles.some((r) => IMT_ROLES.includes(r)));

  function toggle(id: string, on: boolean) {
    setMembers((current) => (on ? [...current, id] : current.filter((m) => m !== id)));
  }

  function body() {
    if (mode === 'members') return { members };
    else return eventType ? { eventType } : {};
  }

  return (
    <ActionForm action="form_team" body={body} {...props}>
      <fieldset className="radio-group">
        <legend>{t('action.form_team.mode')}</legend>
        <label className="check">
          <input
            type="radio"
            name="mode"
            value="members"
            checked={mode === 'members'}
            onChange={() => setMode('members')}
          />
          {t('action.form_team.mode.members')}
        </label>
        <label className="check">
          <input
            type="radio"
            name="mode"
            value="roster"
            checked={mode === 'roster'}
            onChange={() => setMode('roster')}
          />
          {t('action.form_team.mode.roster')}
        </label>
      </fieldset>
      {mode === 'members' ? (
        <fieldset
          className="checklist-fieldset"
          aria-describedby={fieldError('members') ? 'form-team-error' : undefined}
        >
          <legend>{t('action.form_team.members')}</legend>
          {candidates.map((u) => (
            <label key={u.id} className="check">
              <input
                type="checkbox"
                name="members"
                value={u.id}
                checked={members.includes(u.id)}
                onChange={(e) => toggle(u.id, e.target.checked)}
              />
              {u.displayName} <span className="muted mono">{u.username}</span>
            </label>
          ))}
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
              {taxonomy.classes.map((k) => (
                <option key={k.value} value={k.value}>
                  {taxonomy.classLabel(k.value)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </ActionForm>
  );
}
