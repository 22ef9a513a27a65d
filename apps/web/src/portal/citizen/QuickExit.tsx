import { useEffect } from 'react';

const SAFE_PAGE = 'https://www.google.com.br/search?q=previs%C3%A3o+do+tempo';

/**
 * The discreet quick exit of domestic-violence situations: one click (or Esc twice) replaces this
 * page with an unrelated one, so the back button does not return here.
 */
export function QuickExit() {
  useEffect(() => {
    let last = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const now = Date.now();
      if (now - last < 800) window.location.replace(SAFE_PAGE);
      last = now;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <button
      type="button"
      className="br-button secondary"
      style={{ position: 'fixed', top: '0.5rem', right: '0.5rem', zIndex: 2000 }}
      onClick={() => window.location.replace(SAFE_PAGE)}
      title="Sai desta página imediatamente (ou aperte Esc duas vezes)"
    >
      Sair rápido
    </button>
  );
}
