import { useI18n } from '../i18n.tsx';
import { Checks } from '../ui/form/inputs.tsx';
import { GRANTABLE_ROLES } from './adminTypes.ts';

/** Check boxes for roles, with the field's error. */
export function RolePicker({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange(roles: string[]): void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="field">
      <legend>{t('admin.roles')}</legend>
      <div className="checks">
        <Checks
          name="roles"
          options={GRANTABLE_ROLES}
          value={value}
          label={(role) => t(`role.${role}`)}
          onChange={onChange}
        />
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
