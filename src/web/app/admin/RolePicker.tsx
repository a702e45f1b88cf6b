import { useI18n } from '../i18n.tsx';
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
        {GRANTABLE_ROLES.map((role) => (
          <label key={role} className="check">
            <input
              type="checkbox"
              name="roles"
              value={role}
              checked={value.includes(role)}
              onChange={(e) => onChange(e.target.checked ? [...value, role] : value.filter((r) => r !== role))}
            />{' '}
            {t(`role.${role}`)}
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
