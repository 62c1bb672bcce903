// Skip links and the header of the map view: title, search, the link to the story, the presentation
// buttons and the button that shows or hides the side panel.
import type { ComponentProps, ReactNode } from 'react';
import { SkipLinks } from '../ui/SkipLink';
import { AppHeader } from '../ui/AppHeader';
import { PresentToolbar } from '../ui/PresentToolbar';
import { MAP_CANVAS_ID } from '../map/map-locale';
import { useI18n } from '../i18n';

interface ShellHeaderProps {
  search: ReactNode;
  panelOpen: boolean;
  setPanelOpen: (update: (open: boolean) => boolean) => void;
  present: ComponentProps<typeof PresentToolbar>;
}

export function ShellHeader({ search, panelOpen, setPanelOpen, present }: ShellHeaderProps) {
  const { t } = useI18n();
  return (
    <>
      <SkipLinks
        label={t('a11y.skip.label')}
        links={[
          { target: 'recherche', label: t('a11y.skip.search') },
          { target: MAP_CANVAS_ID, label: t('a11y.skip.map') },
          { target: 'panneau', label: t('a11y.skip.panel'), prepare: () => setPanelOpen(() => true) },
        ]}
      />
      <AppHeader
        subtitle={t('app.subtitle')}
        search={search}
        action={
          <>
            <a className="header-link story-link" href="#recit">
              {t('shell.story.link')}
            </a>
            <PresentToolbar {...present} />
            <button type="button" className="panel-toggle" aria-expanded={panelOpen} aria-controls="panneau" onClick={() => setPanelOpen((o) => !o)}>
              {panelOpen ? t('ui.app.hidePanel') : t('ui.app.showPanel')}
            </button>
          </>
        }
      />
    </>
  );
}
