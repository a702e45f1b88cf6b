import { useEffect } from 'react';

/** Sets the document title to "<title> — Passerelle". */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} — Passerelle` : 'Passerelle';
  }, [title]);
}
