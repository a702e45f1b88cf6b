import type { Lang } from '../../domain/lang.ts';
import { useI18n } from './i18n.tsx';

const LANGUAGES: { code: Lang; label: string; name: string }[] = [
  { code: 'en', label: 'EN', name: 'English' },
  { code: 'fr', label: 'FR', name: 'Français' },
];

interface Props {
  /** Called after the console language changed (to persist it server-side). */
  onChange?(lang: Lang): void;
}

/** The FR/EN toggle. */
export function LanguageSwitch({ onChange }: Props) {
  const { t, lang, setLang } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('header.language')}>
      {LANGUAGES.map((l) => (
        <button
          key={l.code}
          type="button"
          lang={l.code}
          title={l.name}
          aria-pressed={lang === l.code}
          className={lang === l.code ? 'active' : ''}
          onClick={() => {
            if (l.code === lang) return;
            setLang(l.code);
            onChange?.(l.code);
          }}
        >
          {l.label}
        </button>
      ))}
    </div>
  );
}
