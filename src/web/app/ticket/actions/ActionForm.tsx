import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n.tsx';
import { FormError } from '../../ui/errors.tsx';

/** What every action form receives from the panel. */
export interface ActionFormProps {
  busy: boolean;
  error: unknown;
  submit(body: Record<string, unknown>): void;
  cancel(): void;
}

interface Props extends Omit<ActionFormProps, 'submit'> {
  action: string;
  /** Fields that show their own errors. */
  fields: readonly string[];
  onSubmit(): void;
  children?: ReactNode;
  danger?: boolean;
  /** The children submit by themselves (e.g. one button per checklist item): no submit button. */
  hideSubmit?: boolean;
}

/** The inline form of one action: title, fields, confirm / cancel; Escape cancels. */
export function ActionForm({ action, fields, busy, error, onSubmit, cancel, children, danger, hideSubmit }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>(
      'input:not([type=hidden]), select, textarea, button[type=submit]',
    );
    first?.focus();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <form
      ref={ref}
      id="action-form"
      className="card action-form"
      aria-labelledby="action-form-title"
      onSubmit={submit}
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
      noValidate
    >
      <h3 id="action-form-title">{t(`action.${action}`)}</h3>
      <FormError error={error} fields={fields} />
      {children}
      <div className="form-actions">
        {!hideSubmit && (
          <button type="submit" className={danger ? 'btn btn--danger' : 'btn btn--primary'} disabled={busy}>
            {busy ? t('common.saving') : t(`action.${action}.submit`)}
          </button>
        )}
        <button type="button" className="btn btn--ghost" onClick={cancel}>
          {hideSubmit ? t('common.done') : t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
