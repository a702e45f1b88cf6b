import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { Field } from '../ui/Field.tsx';
import { FormError, useFieldError } from '../ui/errors.tsx';
import { useParties } from '../ui/useParties.ts';
import { AGREEMENT_KINDS, CHANGE_TEMPLATES, type Proposal } from './types.ts';

const FIELDS = ['party', 'effectiveFrom', 'reason', 'change'] as const;

/** SNC 10.2: a party administrator proposes a change of the agreement from a date on. */
export function ProposeForm({ onProposed }: { onProposed(p: Proposal): void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const parties = useParties() ?? [];
  const [kind, setKind] = useState<string>('priority_matrix');
  const [party, setParty] = useState(user.party);
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [reason, setReason] = useState('');
  const [change, setChange] = useState(JSON.stringify(CHANGE_TEMPLATES.priority_matrix, null, 2));
  const [error, setError] = useState<unknown>(null);
  const [jsonError, setJsonError] = useState(false);
  const fieldError = useFieldError(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    let parsed: object;
    try {
      parsed = JSON.parse(change) as object;
      setJsonError(false);
    } catch {
      setJsonError(true);
      return;
    }
    try {
      const proposal = await api.post<Proposal>('/agreement/proposals', {
        party,
        effectiveFrom,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        change: { kind, ...parsed },
      });
      setReason('');
      onProposed(proposal);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form className="card" aria-labelledby="propose-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="propose-title">{t('agreement.propose')}</h2>
      <p className="hint">{t('agreement.proposeHint')}</p>
      <div className="form-row">
        <Field label={t('agreement.kind')}>
          {(c) => (
            <select
              {...c}
              value={kind}
              onChange={(e) => {
                setKind(e.target.value);
                setChange(JSON.stringify(CHANGE_TEMPLATES[e.target.value], null, 2));
              }}
            >
              {AGREEMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`agreement.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('agreement.party')} error={fieldError('party')}>
          {(c) => (
            <select {...c} value={party} onChange={(e) => setParty(e.target.value)}>
              {(parties.length ? parties.map((p) => p.id) : [user.party]).map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('agreement.effectiveFrom')} error={fieldError('effectiveFrom')} required>
          {(c) => (
            <input
              {...c}
              type="date"
              name="effectiveFrom"
              value={effectiveFrom}
              onChange={(e) => setEffectiveFrom(e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field
        label={t('agreement.change')}
        hint={t('agreement.changeHint')}
        error={jsonError ? t('agreement.invalidJson') : fieldError('change')}
      >
        {(c) => <textarea {...c} name="change" rows={8} value={change} onChange={(e) => setChange(e.target.value)} />}
      </Field>
      <Field label={t('agreement.reason')} error={fieldError('reason')}>
        {(c) => <input {...c} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <FormError error={error} fields={FIELDS} />
      <button type="submit" className="btn btn--primary">
        {t('agreement.submit')}
      </button>
    </form>
  );
}
