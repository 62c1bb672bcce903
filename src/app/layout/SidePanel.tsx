// The side panel (a bottom sheet on phones): handle, tabs (layers, report, workbench) and the link
// to the accessibility statement.
import { forwardRef, type ReactNode } from 'react';
import { SheetHandle, type SheetSize } from '../ui/SheetHandle';
import { PanelTabs } from '../ui/PanelTabs';
import { useI18n } from '../i18n';

export type Tab = 'couches' | 'rapport' | 'atelier';

interface SidePanelProps {
  open: boolean;
  size: SheetSize;
  onSize: (size: SheetSize) => void;
  onClose: () => void;
  tab: Tab;
  onTab: (tab: Tab) => void;
  content: Record<Tab, ReactNode>;
  statementHref: string;
}

export const SidePanel = forwardRef<HTMLElement, SidePanelProps>(function SidePanel(
  { open, size, onSize, onClose, tab, onTab, content, statementHref },
  ref,
) {
  const { t } = useI18n();
  return (
    <aside id="panneau" ref={ref} className={`side-panel sheet-${size}`} hidden={!open} aria-label={t('ui.app.panelLabel')} tabIndex={-1}>
      <SheetHandle
        size={size}
        onSize={onSize}
        onClose={() => {
          onClose();
          // The handle disappears with the sheet: the focus goes to the button that opens it again
          // (or to the header's menu holding it, on phones).
          const toggle = document.querySelector<HTMLElement>('.panel-toggle');
          (toggle?.offsetParent ? toggle : document.querySelector<HTMLElement>('.menu-toggle'))?.focus();
        }}
      />
      <PanelTabs
        label={t('ui.app.tabsLabel')}
        active={tab}
        onChange={onTab}
        tabs={[
          { id: 'couches', label: t('ui.app.tab.layers'), content: content.couches },
          { id: 'rapport', label: t('ui.app.tab.report'), content: content.rapport },
          { id: 'atelier', label: t('ui.app.tab.workbench'), content: content.atelier },
        ]}
      />
      <p className="statement-link">
        <a href={statementHref}>{t('a11y.link')}</a>
      </p>
    </aside>
  );
});
