import type { TotpSetup } from '../../../contract/directory.ts';
import type { Me } from '../../../contract/directory.ts';
import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { FormError, useFieldError } from '../ui/errors.tsx';
import { Field } from '../ui/Field.tsx';
import { useRun } from '../ui/useFormSubmit.ts';

/** TOTP enrolment: set-up (secret and otpauth URI), confirm with a code; or turn it off with a code. */
export function TotpSection() {
  const { t } = useI18n();
  const session = useSession();
  const enabled = session.user.totpEnabled;
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const { busy, error, run: runTask } = useRun();
  const [done, setDone] = useState('');
  const fieldError = useFieldError(error);

  async function run(work: () => Promise<void>) {
    await runTask(async () => {
      setDone('');
      await work();
    });
  }

  const start = () => run(async () => setSetup(await api.post<TotpSetup>('/me/totp/setup')));

  function confirm(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await api.post(`/me/totp/${enabled ? 'disable' : 'enable'}`, { code });
      setDone(t(enabled ? 'settings.totp.disabled' : 'settings.totp.enabled'));
      setSetup(null);
      setCode('');
      session.setMe(await api.get<Me>('/me'));
    });
  }

  return (
    <section className="card block" aria-labelledby="totp-title">
      <h2 id="totp-title">{t('settings.totp.title')}</h2>
      <p>{t(enabled ? 'settings.totp.statusOn' : 'settings.totp.statusOff')}</p>
      {done && (
        <p className="alert alert--success" role="status">
          {done}
        </p>
      )}
      <FormError error={error} fields={['code']} />
      {!enabled && !setup && (
        <button type="button" className="btn btn--primary" onClick={() => void start()} disabled={busy}>
          {t('settings.totp.setup')}
        </button>
      )}
      {setup && (
        <div className="totp-setup">
          <p>{t('settings.totp.instructions')}</p>
          <dl className="facts__meta">
            <dt>{t('settings.totp.secret')}</dt>
            <dd>
              <code className="secret">{setup.secret}</code>
            </dd>
            <dt>{t('settings.totp.uri')}</dt>
            <dd>
              <code className="secret">{setup.otpauthUri}</code>
            </dd>
          </dl>
        </div>
      )}
      {(enabled || setup) && (
        <form className="inline-form" onSubmit={confirm}>
          <Field label={t('settings.totp.code')} required error={fieldError('code')}>
            {(c) => (
              <input
                {...c}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="\d{6}"
                maxLength={6}
                required
                value={code}
                onChange={(e) => setCode(e.target.value.trim())}
              />
            )}
          </Field>
          <button type="submit" className={enabled ? 'btn btn--danger' : 'btn btn--primary'} disabled={busy}>
            {t(enabled ? 'settings.totp.disable' : 'settings.totp.enable')}
          </button>
        </form>
      )}
    </section>
  );
}
