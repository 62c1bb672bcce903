// « Exporter » in the layer panel, for each sublayer that has a file: opens the export dialog (its
// code, the format choice and the worker's client, arrive on the first click).
import { lazy, Suspense, useState } from 'react';
import type { Catalog } from '../../../layers/types';
import { useI18n } from '../i18n';

const LayerExportDialog = lazy(() => import('./LayerExportDialog'));

export function LayerExport({ catalog, sublayerId, title }: { catalog: Catalog; sublayerId: string; title: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="link-button layer-export-open" data-layer-export={sublayerId} onClick={() => setOpen(true)}>
        {t('gis.layerExport.open', { title })}
      </button>
      {open && (
        <Suspense fallback={null}>
          <LayerExportDialog catalog={catalog} sublayerId={sublayerId} title={title} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
