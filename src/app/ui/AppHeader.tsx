// The header of every view, one row: title, search, and the view's actions (language switch plus the
// view's own: presentation buttons and panel toggle on the map, a link back to the map on full
// pages). Below BREAKPOINTS.headerMenu the actions fold into a « Menu » disclosure; below
// BREAKPOINTS.narrow the search folds too, behind a button, and opens as a bar under the header.
// The folded search stays in the tab order and in the accessibility tree (it shows itself when it
// gets the focus), so the skip link « Aller à la recherche » and screen readers still reach it.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import './header.css';

export function AppHeader({ subtitle, search, action }: { subtitle: string; search?: ReactNode; action?: ReactNode }) {
  const { t } = useI18n();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  // A click or tap outside closes the menu (inside, the chosen action closes it: see onClick below).
  useEffect(() => {
    if (!menuOpen) return;
    const outside = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !menuButton.current?.contains(target)) setMenuOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [menuOpen]);

  return (
    <header
      className={`app-header${menuOpen ? ' menu-open' : ''}`}
      onKeyDown={(e) => {
        // Escape closes the menu from its button or from inside it, and the focus goes back to the button.
        if (e.key === 'Escape' && menuOpen) {
          e.stopPropagation();
          setMenuOpen(false);
          menuButton.current?.focus();
        }
      }}
    >
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <p className="subtitle">{subtitle}</p>
      </div>
      {search && (
        <>
          {/* Pointer users' way in on phones; keyboard and screen-reader users reach the field itself. */}
          <button
            type="button"
            className="search-toggle header-icon-button"
            tabIndex={-1}
            aria-hidden="true"
            onClick={() => document.getElementById('recherche')?.focus()}
          >
            <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.4" />
              <path d="M15.5 15.5 L21 21" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
            </svg>
            <span className="header-icon-text">{t('shell.search.open')}</span>
          </button>
          {search}
        </>
      )}
      <button
        ref={menuButton}
        type="button"
        className="menu-toggle header-icon-button"
        aria-expanded={menuOpen}
        aria-controls={menuId}
        onClick={() => setMenuOpen((o) => !o)}
      >
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          {menuOpen ? (
            <path d="M6 6 L18 18 M18 6 L6 18" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
          ) : (
            <path d="M4 7 H20 M4 12 H20 M4 17 H20" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
          )}
        </svg>
        <span className="header-icon-text">{t('shell.menu')}</span>
      </button>
      <div
        ref={menu}
        id={menuId}
        className="header-actions"
        onClick={(e) => {
          // An action chosen in the menu (not the language, which one may want to compare) closes it.
          const chosen = (e.target as HTMLElement).closest('button, a');
          if (menuOpen && chosen && !chosen.closest('.language-switch')) setMenuOpen(false);
        }}
      >
        <LanguageSwitch />
        {action}
      </div>
    </header>
  );
}
