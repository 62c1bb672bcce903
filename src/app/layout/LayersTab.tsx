// The « Couches » tab: the basemap choice, then the thematic layers once the catalog is read.
import type { BasemapId } from '../../core/map-style/basemaps';
import type { CatalogState } from '../data/useCatalog';
import { BasemapPicker } from '../ui/BasemapPicker';
import { LayerPanel, type LayerPanelProps } from '../ui/LayerPanel';
import { Badge } from '../ui/Badge';
import { SourcesSection } from '../ui/SourcesSection';
import { useI18n } from '../i18n';

type LayersTabProps = Omit<LayerPanelProps, 'catalog'> & {
  basemap: BasemapId;
  onBasemap: (id: BasemapId) => void;
  catalogState: CatalogState;
};

export function LayersTab({ basemap, onBasemap, catalogState, ...panel }: LayersTabProps) {
  const { t } = useI18n();
  return (
    <>
      <BasemapPicker value={basemap} onChange={onBasemap} />
      {catalogState.status === 'ok' && <LayerPanel catalog={catalogState.catalog} {...panel} />}
      {catalogState.status === 'ok' && <SourcesSection catalog={catalogState.catalog} />}
      {catalogState.status === 'chargement' && <Badge kind="chargement">{t('ui.app.loadingCatalog')}</Badge>}
    </>
  );
}
