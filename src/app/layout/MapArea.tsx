// The map's column: where files are dropped, the map with its keyboard help, and what lies over it
// (table view, feature sheet, attribution), or the reason the catalog could not be read.
import type { ReactNode } from 'react';
import type { useFileDrop } from './useFileDrop';
import { MAP_HELP_ID } from '../map/map-locale';
import { useI18n } from '../i18n';

interface MapAreaProps {
  withTable: boolean;
  drop: ReturnType<typeof useFileDrop>;
  /** French reason the catalog is missing or broken (the map cannot start). */
  catalogError: string | null;
  map: ReactNode;
  children: ReactNode;
}

export function MapArea({ withTable, drop, catalogError, map, children }: MapAreaProps) {
  const { t, locale } = useI18n();
  return (
    <main id="carte" className={`map-area${withTable ? ' with-table' : ''}`} tabIndex={-1} {...drop.handlers}>
      {drop.dragging && (
        <div className="drop-overlay">
          <p>{t('ui.app.drop')}</p>
        </div>
      )}
      {map}
      <p id={MAP_HELP_ID} className="visually-hidden">
        {t('ui.map.help')}
      </p>
      {catalogError !== null && (
        <div className="fatal" role="alert">
          <h2>{t('ui.app.fatal')}</h2>
          <p>
            {t('ui.app.reason')}
            <span lang={locale === 'fr' ? undefined : 'fr'}>{catalogError}</span>
          </p>
        </div>
      )}
      {children}
    </main>
  );
}
