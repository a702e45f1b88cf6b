import { ACCESS_DECISIONS } from '../../../domain/access-reviews.ts';
import type { AccessReviewItem } from '../../../contract/security.ts';
import { useState, type FormEvent } from 'react';
import { GRANTABLE_ROLES } from '../admin/adminTypes.ts';
import { useI18n } from '../i18n.tsx';
import { SENSITIVITIES } from '../ui/constants.ts';
import { Field } from '../ui/Field.tsx';
import { Options } from '../ui/form/inputs.tsx';

interface Props {
  item: AccessReviewItem;
  busy: boolean;
  onDecide(body: Record<string, unknown>): void;
}

/** ISM-6: keep, change (roles, clearance) or revoke one account; applied at once. */
export function AccessDecisionForm({ item, busy, onDecide }: Props) {
  const { t } = useI18n();
  const [decision, setDecision] = useState<string>(item.decision ?? 'keep');
  const [roles, setRoles] = useState<string[]>(item.newRoles ?? item.roles);
  const [clearance, setClearance] = useState(item.newClearance ?? item.clearance);
  const [note, setNote] = useState(item.note ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    onDecide({
      decision,
      ...(decision === 'change' ? { roles, clearance } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  }

  return (
    <form
      className="inline-form"
      aria-label={t('accessReviews.decideFor', { name: item.displayName })}
      onSubmit={submit}
      noValidate
    >
      <div className="form-row">
        <Field label={t('accessReviews.decision', { name: item.username })}>
          {(c) => (
            <select {...c} name="decision" value={decision} onChange={(e) => setDecision(e.target.value)}>
              <Options values={ACCESS_DECISIONS} label={(d) => t(`accessDecision.${d}`)} />
            </select>
          )}
        </Field>
        {decision === 'change' && (
          <Field label={t('accessReviews.newClearance', { name: item.username })}>
            {(c) => (
              <select {...c} name="clearance" value={clearance} onChange={(e) => setClearance(e.target.value)}>
                <Options values={SENSITIVITIES} label={(s) => t(`sensitivity.${s}`)} />
              </select>
            )}
          </Field>
        )}
        <Field label={t('accessReviews.note', { name: item.username })}>
          {(c) => <input {...c} name="note" value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
      </div>
      {decision === 'change' && (
        <fieldset className="checklist-fieldset">
          <legend>{t('accessReviews.newRoles', { name: item.username })}</legend>
          {GRANTABLE_ROLES.map((role) => (
            <label key={role} className="check">
              <input
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(e) => setRoles((r) => (e.target.checked ? [...r, role] : r.filter((x) => x !== role)))}
              />
              {t(`role.${role}`)}
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {t('accessReviews.decide')}
      </button>
    </form>
  );
}
