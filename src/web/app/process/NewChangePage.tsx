import { choiceOf, Options } from '../ui/form/inputs.tsx';
import { CHANGE_KINDS, CHANGE_ORIGINS as ORIGIN_KINDS } from '../../../domain/processes.ts';
import { localized, TICKET_ORIGINS } from '../details.ts';
import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import type { ChangeDetails } from '../../../domain/processes.ts';

import { href } from '../router.ts';
import { useExactFieldError } from '../ui/errors.tsx';
import { Field } from '../ui/Field.tsx';
import { useTitle } from '../ui/useTitle.ts';
import { basicsBody, BasicsFields, EMPTY_BASICS, type Basics } from './BasicsFields.tsx';
import { ClassSelect } from './ClassSelect.tsx';
import { useCatalogue } from './useCatalogue.ts';
import { useCreate } from './useCreate.ts';
import { FormShell } from '../ui/form/FormShell.tsx';

type ChangeKind = ChangeDetails['kind'];
type OriginKind = ChangeDetails['origin']['kind'];

interface Props {
  originKind: string;
  originTicket: string;
}

/** Records a change (CHG): kind, where it comes from, and for a standard change the pre-approved model. */
export function NewChangePage({ originKind, originTicket }: Props) {
  const { t, lang } = useI18n();
  useTitle(t('new.change.title'));
  const [basics, setBasics] = useState<Basics>(EMPTY_BASICS);
  const [impact, setImpact] = useState('I3');
  const [criticality, setCriticality] = useState('C3');
  const [sensitivity, setSensitivity] = useState('LIMITED');
  const [kind, setKind] = useState<ChangeKind>('normal');
  const [origin, setOrigin] = useState<OriginKind>(() => ORIGIN_KINDS.find((k) => k === originKind) ?? 'maintenance');
  const [ticket, setTicket] = useState(originTicket);
  const [reference, setReference] = useState('');
  const [standard, setStandard] = useState('');
  const catalogue = useCatalogue('standard_change');
  const { error, busy, create } = useCreate('/changes', 'new.change.done');
  const exactError = useExactFieldError(error);
  const byTicket = TICKET_ORIGINS.includes(origin);
  const chosenStandard = standard || catalogue.items[0]?.code || '';

  function submit() {
    const originBody = byTicket
      ? { kind: origin, ticket: ticket.trim().toUpperCase() }
      : { kind: origin, ...(reference.trim() ? { reference: reference.trim() } : {}) };
    void create({
      ...basicsBody(basics),
      impact,
      criticality,
      sensitivity,
      kind,
      origin: originBody,
      ...(kind === 'standard' && chosenStandard ? { standardChange: chosenStandard } : {}),
    });
  }

  return (
    <section className="page page--narrow" aria-labelledby="new-change-title">
      <h1 id="new-change-title">{t('new.change.title')}</h1>
      <FormShell
        className="card form"
        onSubmit={submit}
        error={error}
        busy={busy}
        submitLabel={t('new.change.submit')}
        buttons={
          <a className="btn btn--ghost" href={href('/changes')}>
            {t('common.cancel')}
          </a>
        }
      >
        <fieldset className="radio-group" aria-describedby="change-kind-hint">
          <legend>{t('change.kind')}</legend>
          {CHANGE_KINDS.map((k) => (
            <label key={k} className="check">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {t(`change.kind.${k}`)}
            </label>
          ))}
          <p id="change-kind-hint" className="hint">
            {t(`change.kindHint.${kind}`)}
          </p>
          {exactError('kind') && (
            <p className="field-error" role="alert">
              {exactError('kind')}
            </p>
          )}
        </fieldset>
        {kind === 'standard' && (
          <Field
            label={t('new.change.standard')}
            required
            name="standardChange"
            hint={catalogue.items.length === 0 && !catalogue.loading ? t('new.change.noStandard') : undefined}
          >
            {(c) => (
              <select
                {...c}
                name="standardChange"
                required
                value={chosenStandard}
                disabled={catalogue.loading}
                onChange={(e) => setStandard(e.target.value)}
              >
                {catalogue.items.map((item) => (
                  <option key={item.id} value={item.code}>
                    {item.code} — {localized(item.name, lang)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <BasicsFields value={basics} onChange={(patch) => setBasics((b) => ({ ...b, ...patch }))} />
        <div className="form-row">
          <ClassSelect kind="impact" value={impact} onChange={setImpact} />
          <ClassSelect kind="criticality" value={criticality} onChange={setCriticality} />
          <ClassSelect kind="sensitivity" value={sensitivity} onChange={setSensitivity} />
        </div>
        <fieldset className="form-section">
          <legend>{t('change.origin')}</legend>
          <div className="form-row">
            <Field label={t('change.originKind')} required name="origin">
              {(c) => (
                <select
                  {...c}
                  name="originKind"
                  value={origin}
                  onChange={(e) => setOrigin(choiceOf(ORIGIN_KINDS, e.target.value, origin))}
                >
                  <Options values={ORIGIN_KINDS} label={(o) => t(`change.origin.${o}`)} />
                </select>
              )}
            </Field>
            {byTicket ? (
              <Field label={t('change.originTicket')} required name="origin.ticket" hint={t('change.originTicketHint')}>
                {(c) => (
                  <input
                    {...c}
                    name="originTicket"
                    className="mono"
                    required
                    value={ticket}
                    onChange={(e) => setTicket(e.target.value)}
                  />
                )}
              </Field>
            ) : (
              <Field
                label={t('change.originReference')}
                name="origin.reference"
                hint={t(`change.originReferenceHint.${origin}`)}
                className="grow"
              >
                {(c) => (
                  <input
                    {...c}
                    name="originReference"
                    maxLength={200}
                    value={reference}
                    onChange={(e) => setReference(e.target.value)}
                  />
                )}
              </Field>
            )}
          </div>
        </fieldset>
      </FormShell>
    </section>
  );
}
