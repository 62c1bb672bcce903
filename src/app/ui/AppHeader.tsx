// The header of every view: title, search, language switch, and the view's own action (panel
// toggle on the map, link back to the map on full pages). Wraps onto two rows on narrow screens.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';

export function AppHeader({ subtitle, search, action }: { subtitle: string; search?: ReactNode; action?: ReactNode }) {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <p className="subtitle">{subtitle}</p>
      </div>
      {search}
      <div className="header-actions">
        <LanguageSwitch />
        {action}
      </div>
    </header>
  );
}
