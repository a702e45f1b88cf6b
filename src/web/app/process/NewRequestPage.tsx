import { localized } from '../details.ts';
import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { Field } from '../ui/Field.tsx';
import { useTitle } from '../ui/useTitle.ts';
import { BasicsFields, EMPTY_BASICS, type Basics } from './BasicsFields.tsx';
import { CatalogueFieldInput } from './CatalogueFieldInput.tsx';
import { ClassSelect } from './ClassSelect.tsx';
import { useCatalogue } from './useCatalogue.ts';
import { useCreate } from './useCreate.ts';
import { FormShell } from '../ui/form/FormShell.tsx';

/** Records a service request (REQ) from the catalogue: pick an item, then fill in its form. */
export function NewRequestPage({ item: initialItem }: { item: string }) {
  const { t, lang } = useI18n();
  useTitle(t('new.request.title'));
  const catalogue = useCatalogue('request');
  const [code, setCode] = useState(initialItem);
  const [values, setValues] = useState<Record<string, string>>({});
  const [basics, setBasics] = useState<Basics>(EMPTY_BASICS);
  const [sensitivity, setSensitivity] = useState('LIMITED');
  const [reporter, setReporter] = useState('');
  const [reporterEmail, setReporterEmail] = useState('');
  const { error, busy, create } = useCreate('/requests', 'new.request.done');
  const item = catalogue.items.find((candidate) => candidate.code === code) ?? null;

  function submit() {
    if (!item) return;
    const filled: Record<string, string> = {};
    for (const field of item.fields) {
      const value = (values[field.key] ?? '').trim();
      if (value) filled[field.key] = value;
    }
    const optional = { title: basics.title, description: basics.description, reporter, reporterEmail };
    const extras = Object.fromEntries(
      Object.entries(optional)
        .map(([k, v]) => [k, v.trim()])
        .filter(([, v]) => v),
    );
    void create({ catalogueItem: item.code, values: filled, sensitivity, ...extras });
  }

  return (
    <section className="page page--narrow" aria-labelledby="new-request-title">
      <h1 id="new-request-title">{t('new.request.title')}</h1>
      <FormShell
        className="card form"
        onSubmit={submit}
        error={error}
        busy={busy}
        disabled={!item}
        submitLabel={t('new.request.submit')}
        buttons={
          <a className="btn btn--ghost" href={href('/requests')}>
            {t('common.cancel')}
          </a>
        }
      >
        <Field label={t('request.catalogueItem')} required name="catalogueItem">
          {(c) => (
            <select
              {...c}
              name="catalogueItem"
              required
              value={item?.code ?? ''}
              disabled={catalogue.loading}
              onChange={(e) => {
                setCode(e.target.value);
                setValues({});
              }}
            >
              <option value="">{catalogue.loading ? t('common.loading') : t('request.chooseItem')}</option>
              {catalogue.items.map((candidate) => (
                <option key={candidate.id} value={candidate.code}>
                  {localized(candidate.name, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {!catalogue.loading && catalogue.items.length === 0 && <p className="empty">{t('request.noItems')}</p>}
        {item && (
          <>
            {localized(item.description, lang) && <p className="prose muted">{localized(item.description, lang)}</p>}
            {item.approvalRequired && <p className="alert alert--info">{t('request.approvalNotice')}</p>}
            <fieldset className="form-section">
              <legend>{t('request.formSection', { item: localized(item.name, lang) })}</legend>
              {item.fields.length === 0 && <p className="muted">{t('request.noFields')}</p>}
              {item.fields.map((field) => (
                <CatalogueFieldInput
                  key={field.key}
                  field={field}
                  value={values[field.key] ?? ''}
                  onChange={(value) => setValues((v) => ({ ...v, [field.key]: value }))}
                />
              ))}
            </fieldset>
            <fieldset className="form-section">
              <legend>{t('request.aboutSection')}</legend>
              <BasicsFields
                value={basics}
                onChange={(patch) => setBasics((b) => ({ ...b, ...patch }))}

                serviceOptional
                titleOptional
                titleHint={t('request.titleHint')}
              />
              <div className="form-row">
                <Field label={t('ticket.reporter')} name="reporter">
                  {(c) => (
                    <input
                      {...c}
                      name="reporter"
                      maxLength={200}
                      value={reporter}
                      onChange={(e) => setReporter(e.target.value)}
                    />
                  )}
                </Field>
                <Field label={t('ticket.reporterEmail')} name="reporterEmail">
                  {(c) => (
                    <input
                      {...c}
                      name="reporterEmail"
                      type="email"
                      maxLength={254}
                      value={reporterEmail}
                      onChange={(e) => setReporterEmail(e.target.value)}
                    />
                  )}
                </Field>
                <ClassSelect kind="sensitivity" value={sensitivity} onChange={setSensitivity} />
              </div>
            </fieldset>
          </>
        )}
      </FormShell>
    </section>
  );
}
