import { LANGS } from '../../../domain/lang.ts';
import { choiceOf } from '../ui/form/inputs.tsx';
import type { Me } from '../../../contract/directory.ts';
import type { Lang } from '../../../domain/lang.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { Field } from '../ui/Field.tsx';
import { SensitivityBadge } from '../ui/badges.tsx';
import { namesRosters, setsSecurityPolicy } from '../ui/roles.ts';
import { useTitle } from '../ui/useTitle.ts';
import { ImtRostersSection } from './ImtRostersSection.tsx';
import { MailSection } from './MailSection.tsx';
import { NotificationPrefsSection } from './NotificationPrefsSection.tsx';
import { SecurityPolicySection } from './SecurityPolicySection.tsx';
import { TokensSection } from './TokensSection.tsx';
import { TotpSection } from './TotpSection.tsx';

/** The user's profile: language, second factor, notification preferences and API tokens. */
export function SettingsPage() {
  const { t, lang, setLang } = useI18n();
  const session = useSession();
  const { user } = session;
  useTitle(t('settings.title'));

  function changeLanguage(next: Lang) {
    setLang(next);
    api.patch<Me>('/me', { language: next }).then(session.setMe, (error: unknown) => console.error(error));
  }

  return (
    <section className="page page--narrow" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <section className="card block" aria-labelledby="profile-title">
        <h2 id="profile-title">{t('settings.profile')}</h2>
        <dl className="facts__meta">
          <dt>{t('settings.username')}</dt>
          <dd className="mono">{user.username}</dd>
          <dt>{t('settings.displayName')}</dt>
          <dd>{user.displayName}</dd>
          <dt>{t('header.party')}</dt>
          <dd>{user.party}</dd>
          <dt>{t('settings.roles')}</dt>
          <dd>{user.roles.map((r) => t(`role.${r}`)).join(', ')}</dd>
          <dt>{t('header.clearance')}</dt>
          <dd>
            <SensitivityBadge sensitivity={user.clearance} />
          </dd>
        </dl>
        <Field label={t('settings.language')}>
          {(c) => (
            <select {...c} value={lang} onChange={(e) => changeLanguage(choiceOf(LANGS, e.target.value, lang))}>
              <option value="en" lang="en">
                English
              </option>
              <option value="fr" lang="fr">
                Français
              </option>
            </select>
          )}
        </Field>
      </section>
      <TotpSection />
      {!user.totpRequired && <NotificationPrefsSection />}
      {!user.totpRequired && <TokensSection />}
      {!user.totpRequired && setsSecurityPolicy(user) && <SecurityPolicySection />}
      {!user.totpRequired && namesRosters(user) && <ImtRostersSection />}
      {!user.totpRequired && user.roles.includes('party_admin') && <MailSection />}
    </section>
  );
}
