import type { Lang } from '../domain/lang.ts';

const TEXTS = {
  invite: {
    en: {
      subject: 'Your Passerelle account ({party})',
      body:
        'Hello {name},\n\nAn account "{username}" was opened for you on the Passerelle joint desk ' +
        '({party}).\nSet your password through this link, good once until {expires}:\n\n{url}\n\nIf you did ' +
        'not expect this message, ignore it.',
    },
    fr: {
      subject: 'Votre compte Passerelle ({party})',
      body:
        'Bonjour {name},\n\nUn compte « {username} » vous a été ouvert sur le centre de services commun ' +
        'Passerelle ({party}).\nChoisissez votre mot de passe par ce lien, utilisable une fois jusqu’au ' +
        '{expires} :\n\n{url}\n\nSi vous n’attendiez pas ce message, ignorez-le.',
    },
  },
  reset: {
    en: {
      subject: 'Your Passerelle password was reset',
      body:
        'Hello {name},\n\nYour administrator reset the password of your account "{username}" ({party}).\nSet ' +
        'a new one through this link, good once until {expires}:\n\n{url}',
    },
    fr: {
      subject: 'Votre mot de passe Passerelle a été réinitialisé',
      body:
        'Bonjour {name},\n\nVotre administrateur a réinitialisé le mot de passe de votre compte « {username} ' +
        '» ({party}).\nChoisissez-en un nouveau par ce lien, utilisable une fois jusqu’au {expires} ' +
        ':\n\n{url}',
    },
  },
} as const;

/** The e-mail carrying a one-time link, in the account's language. */
export function renderAccountLinkMail(
  purpose: 'invite' | 'reset',
  lang: Lang,
  params: Record<string, string>,
): { subject: string; body: string } {
  const text = TEXTS[purpose][lang];
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
  return { subject: fill(text.subject), body: fill(text.body) };
}
