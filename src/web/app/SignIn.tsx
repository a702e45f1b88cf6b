import type { SsoParties } from '../../contract/admin.ts';
import type { Me } from '../../contract/directory.ts';
import { useEffect, useRef, useState, type ComponentProps, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from './api.ts';
import { useI18n } from './i18n.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Field } from './ui/Field.tsx';
import { FormError } from './ui/errors.tsx';
import { TextField } from './ui/form/inputs.tsx';

interface Props {
  onSignedIn(me: Me): void;
  expired: boolean;
}

/** Sign-in with user name and password, then the TOTP code when the server asks for it. */
export function SignIn({ onSignedIn, expired }: Props) {
  const { t, lang } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const languageChosen = useRef(false);
  const [ssoParties, setSsoParties] = useState<{ party: string; name: string }[]>([]);
  // IF-4: an error brought back from single sign-on (`/?sso_error=code`).
  const [ssoError] = useState(() => new URLSearchParams(window.location.search).get('sso_error'));

  useEffect(() => {
    // Shown once: the address loses the error so that a later visit does not repeat it.
    if (window.location.search) window.history.replaceState(null, '', `/${window.location.hash}`);
    api.get<SsoParties>('/auth/sso').then(
      (answer) => setSsoParties(answer.items),
      () => setSsoParties([]),
    );
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      let me = await api.post<Me>('/auth/login', { username, password, ...(needsTotp && totp ? { totp } : {}) });
      setCsrfToken(me.csrfToken);
      // A language picked on this page becomes the user's preference.
      if (languageChosen.current && me.user.language !== lang) me = await api.patch<Me>('/me', { language: lang });
      onSignedIn(me);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'auth.totp_required') setNeedsTotp(true);
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <SignInFrame onLanguage={() => (languageChosen.current = true)}>
      <form className="card signin-card" onSubmit={(e) => void submit(e)} aria-labelledby="signin-title">
        <h1 id="signin-title">{t('signin.title')}</h1>
        <p className="muted">{t('signin.subtitle')}</p>
        {expired && !error && (
          <p className="alert alert--info" role="status">
            {t('signin.expired')}
          </p>
        )}
        {ssoError && !error && (
          <p className="alert alert--error" role="alert">
            {t(`signin.ssoError.${ssoError}`) === `signin.ssoError.${ssoError}`
              ? t('signin.ssoError.default')
              : t(`signin.ssoError.${ssoError}`)}
          </p>
        )}
        <FormError error={error} />
        <TextField
          name="username"
          label={t('signin.username')}
          required
          autoComplete="username"
          value={username}
          onChange={setUsername}
        />
        <PasswordField
          name="password"
          label={t('signin.password')}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        {needsTotp && (
          <Field label={t('signin.totp')} hint={t('signin.totpHint')} required>
            {(c) => (
              <input
                {...c}
                name="totp"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="\d{6}"
                maxLength={6}
                required
                autoFocus
                value={totp}
                onChange={(e) => setTotp(e.target.value.trim())}
              />
            )}
          </Field>
        )}
        <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
          {busy ? t('signin.submitting') : t('signin.submit')}
        </button>
        {ssoParties.length > 0 && (
          <div className="signin-sso">
            <p className="muted">{t('signin.ssoOr')}</p>
            {ssoParties.map((p) => (
              <a
                key={p.party}
                className="btn btn--block"
                href={`/api/v1/auth/oidc/${encodeURIComponent(p.party)}/start`}
              >
                {t('signin.ssoWith', { party: p.name })}
              </a>
            ))}
          </div>
        )}
      </form>
    </SignInFrame>
  );
}

/** The page around a form used before signing in: the console's name and the language switch, then the form. */
export function SignInFrame({ onLanguage, children }: { onLanguage?: () => void; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="signin-page">
      <header className="signin-header">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch onChange={onLanguage} />
      </header>
      <main id="main" className="signin-main">
        {children}
      </main>
    </div>
  );
}

/** A password field (the browser fills or offers one as `autoComplete` says). */
export function PasswordField(props: Omit<ComponentProps<typeof TextField>, 'type'>) {
  return <TextField required type="password" {...props} />;
}
