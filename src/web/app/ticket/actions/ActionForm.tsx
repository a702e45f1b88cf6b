import { useContext, useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../../i18n.tsx';
import { DraftScope, discardDraft, hasDraft } from '../../ui/form/drafts.ts';
import { FormShell } from '../../ui/form/FormShell.tsx';
import { stillInvalid } from './validateAction.ts';

/** What every action form receives from the panel. */
export interface ActionFormProps {
  busy: boolean;
  error: unknown;
  submit(body: Record<string, unknown>): void;
  cancel(): void;
}

interface Props extends ActionFormProps {
  action: string;
  /** The body the fields make now: sent on submit, and re-checked as the user fixes what was wrong. */
  body(): Record<string, unknown>;
  children?: ReactNode;
  danger?: boolean;
  /** The children submit by themselves (e.g. one button per checklist item): no submit button. */
  hideSubmit?: boolean;
}

/**
 * The inline form of one action on the shared form components: title, every error at once,
 * fields, confirm / cancel. What is typed stays in the ticket's draft for this action until sent
 * or discarded, so Escape (which closes the form) or cancelling loses nothing.
 */
export function ActionForm({ action, busy, error, body, submit, cancel, children, danger, hideSubmit }: Props) {
  const { t, lang } = useI18n();
  const scope = useContext(DraftScope);
  const ref = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>(
      'input:not([type=hidden]), select, textarea, button[type=submit]',
    );
    first?.focus();
  }, []);

  useEffect(() => {
    if (error) ref.current?.querySelector<HTMLElement>('.error-summary a, .error-summary')?.focus();
  }, [error]);

  const draft = scope !== null && hasDraft(scope);
  return (
    <FormShell
      formRef={ref}
      id="action-form"
      className="card action-form"
      title={t(`action.${action}`)}
      level={3}
      error={error}
      busy={busy}
      onSubmit={() => submit(body())}
      recheck={() => stillInvalid(action, { ...body(), version: 1 }, lang)}
      submitLabel={hideSubmit ? undefined : t(`action.${action}.submit`)}
      danger={danger}
      onCancel={cancel}
      cancelLabel={hideSubmit ? t('common.done') : t('common.cancel')}
      status={draft ? <p className="hint">{t('form.draftKept')}</p> : null}
      buttons={
        draft ? (
          <button
            type="button"
            className="btn btn--ghost"
            onClick={() => {
              discardDraft(scope);
              cancel();
            }}
          >
            {t('form.discard')}
          </button>
        ) : null
      }
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          cancel();
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          // Ctrl+Enter submits from a multi-line field too.
          e.preventDefault();
          ref.current?.requestSubmit();
        }
      }}
    >
      {children}
    </FormShell>
  );
}
