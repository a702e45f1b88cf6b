import { useState } from 'react';
import type { AccountLinkInfo as LinkInfo, AccountLinkRedeemed } from '../../contract/admin.ts';
import { api } from './api.ts';
import { useI18n } from './i18n.tsx';
import { href } from './router.ts';
import { PasswordField, SignInFrame } from './SignIn.tsx';
import { FormError } from './ui/errors.tsx';
import { useFormSubmit } from './ui/useFormSubmit.ts';
import { useGet } from './ui/useGet.ts';

/** A one-time link: the invitee (or the owner after a reset) chooses a password, then signs in. */
export function AccountLinkPage({ token }: { token: string }) {
  const { t, formatDate } = useI18n();
  const info = useGet<LinkInfo>(`/auth/account-links/${token}`);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const { busy, error, fieldError, submit } = useFormSubmit(async () => {
    setMismatch(password !== confirm);
    if (password !== confirm) return;
    const result = await api.post<AccountLinkRedeemed>(`/auth/account-links/${token}`, { password });
    setDone(result.username);
  });
  return (
    <SignInFrame>
      <form className="card signin-card" onSubmit={(e) => void submit(e)} aria-labelledby="link-title" noValidate>
        <h1 id="link-title">
          {t(info.data?.purpose === 'reset' ? 'accountLink.resetTitle' : 'accountLink.inviteTitle')}
        </h1>
        <FormError error={info.error} />
        {done ? (
          <p className="alert alert--success" role="status">
            {t('accountLink.done', { username: done })} <a href={href('/tickets')}>{t('accountLink.signIn')}</a>
          </p>
        ) : (
          info.data && (
            <>
              <p>
                {t('accountLink.intro', {
                  name: info.data.displayName,
                  username: info.data.username,
                  party: info.data.party,
                  date: formatDate(info.data.expiresAt),
                })}
              </p>
              <FormError error={error} fields={['password']} />
              <PasswordField
                name="new-password"
                label={t('accountLink.password')}
                hint={t('accountLink.passwordHint')}
                error={fieldError('password')}
                autoComplete="new-password"
                value={password}
                onChange={setPassword}
              />
              <PasswordField
                name="confirm-password"
                label={t('accountLink.confirm')}
                error={mismatch ? t('accountLink.mismatch') : undefined}
                autoComplete="new-password"
                value={confirm}
                onChange={setConfirm}
              />
              <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
                {t('accountLink.submit')}
              </button>
            </>
          )
        )}
      </form>
    </SignInFrame>
  );
}
