import type { TicketDetail } from '../../../contract/schemas.ts';
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { navigate } from '../router.ts';
import { useSession } from '../session.tsx';
import { matrixPriority } from '../ui/constants.ts';
import { useTitle } from '../ui/useTitle.ts';
import { ClassificationFields } from './ClassificationFields.tsx';
import { DescriptionFields } from './DescriptionFields.tsx';
import { EMPTY_INCIDENT, incidentBody, type IncidentDraft } from './draft.ts';
import { FormShell } from '../ui/form/FormShell.tsx';

/** Records an incident (INC-1) with its classification and computed priority (SLA-1). */
export function NewIncidentPage() {
  const { t } = useI18n();
  const session = useSession();
  useTitle(t('incident.new.title'));
  const [draft, setDraft] = useState<IncidentDraft>(EMPTY_INCIDENT);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<IncidentDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const computed = matrixPriority(draft.impact, draft.criticality);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<TicketDetail>('/incidents', incidentBody(draft, computed));
      const path = `/tickets/${created.ref}`;
      session.notify(t('incident.recorded', { ref: created.ref }), path);
      navigate(path);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <section className="page page--narrow" aria-labelledby="new-incident-title">
      <h1 id="new-incident-title">{t('incident.new.title')}</h1>
      <FormShell
        className="card form"
        onSubmit={() => void submit()}
        error={error}
        busy={busy}
        submitLabel={t('incident.new.submit')}
        buttons={
          <a className="btn btn--ghost" href="#/tickets">
            {t('common.cancel')}
          </a>
        }
      >
        <DescriptionFields draft={draft} update={update} />
        <ClassificationFields
          draft={draft}
          update={update}

          computed={computed}
          clearance={session.user.clearance}
        />
      </FormShell>
    </section>
  );
}
