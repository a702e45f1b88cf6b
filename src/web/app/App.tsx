import type { SsoLogout } from '../../contract/admin.ts';
import type { Me } from '../../contract/directory.ts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError, setCsrfToken, setSignedOutHandler } from './api.ts';
import { useI18n } from './i18n.tsx';
import { accountLinkToken, currentPath, usePath } from './router.ts';
import { AccountLinkPage } from './AccountLinkPage.tsx';
import { SessionContext, type Flash, type Session } from './session.tsx';
import { Shell } from './Shell.tsx';
import { SignIn } from './SignIn.tsx';
import { clearDirectory } from './ticket/actions/useDirectory.ts';
import { forgetDesk } from './forgetDesk.ts';

type State = { status: 'loading' } | { status: 'signed-out'; expired: boolean } | { status: 'signed-in'; me: Me };

/** Loads the session, then shows the sign-in page or the console. */
export function App() {
  const { t, setLang } = useI18n();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [flash, setFlash] = useState<Flash | null>(null);
  const linkToken = accountLinkToken(usePath());

  const adopt = useCallback(
    (me: Me) => {
      setCsrfToken(me.csrfToken);
      setLang(me.user.language);
      setState({ status: 'signed-in', me });
    },
    [setLang],
  );

  useEffect(() => {
    setSignedOutHandler(() => setState({ status: 'signed-out', expired: true }));
    api.get<Me>('/me').then(adopt, (error: unknown) => {
      if (!(error instanceof ApiError) || error.status !== 401) console.error(error);
      setState({ status: 'signed-out', expired: false });
    });
    return () => setSignedOutHandler(null);
  }, [adopt]);

  const session = useMemo<Session | null>(() => {
    if (state.status !== 'signed-in') return null;
    return {
      user: state.me.user,
      setMe: (me) => {
        setCsrfToken(me.csrfToken);
        setState({ status: 'signed-in', me });
      },
      signOut: async () => {
        // IF-4: a session opened by single sign-on also ends at the party's provider. A refused sign-out
        // leaves the session valid on the server: say so, stay signed in. Already signed out (401) is what was wanted.
        const ended = await api.post<SsoLogout>('/auth/oidc/logout').catch((error: unknown) => {
          if (!(error instanceof ApiError && error.status === 401)) throw error;
          return null;
        });
        forgetDesk();
        if (ended?.redirect) {
          window.location.assign(ended.redirect);
          return;
        }
        setCsrfToken('');
        clearDirectory();
        setFlash(null);
        setState({ status: 'signed-out', expired: false });
      },
      notify: (message, path) => setFlash({ message, path: path ?? currentPath() }),
      dismiss: () => setFlash(null),
    };
  }, [state]);

  if (linkToken) return <AccountLinkPage token={linkToken} />;
  if (state.status === 'loading') {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (!session) return <SignIn onSignedIn={adopt} expired={state.status === 'signed-out' && state.expired} />;
  return (
    <SessionContext.Provider value={session}>
      <Shell flash={flash} />
    </SessionContext.Provider>
  );
}
