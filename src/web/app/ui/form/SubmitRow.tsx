import type { ReactNode } from 'react';
import { useI18n } from '../../i18n.tsx';

interface Props {
  busy: boolean;
  /** The submit button's text; none = no submit button (the form's children submit by themselves). */
  label?: string | undefined;
  danger?: boolean | undefined;
  /** Nothing to send yet (e.g. no catalogue item chosen). */
  disabled?: boolean | undefined;
  /** A cancel (or discard) button. */
  onCancel?: (() => void) | undefined;
  cancelLabel?: string | undefined;
  children?: ReactNode;
}

/** The row of buttons ending every form: submit (busy while sending), then cancel or discard. */
export function SubmitRow({ busy, label, danger, disabled, onCancel, cancelLabel, children }: Props) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      {label && (
        <button type="submit" className={danger ? 'btn btn--danger' : 'btn btn--primary'} disabled={busy || disabled}>
          {busy ? t('common.saving') : label}
        </button>
      )}
      {children}
      {onCancel && (
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {cancelLabel ?? t('common.cancel')}
        </button>
      )}
    </div>
  );
}
