// The « Atelier » tab: the workbench panel once its code is there, with the feature picked on the
// map (thematic or from the workspace) offered as the source of an analysis.
import { lazy, Suspense } from 'react';
import type { Bounds, GeoFeature } from '../../../layers/types';
import { findSublayer } from '../../../layers/index';
import type { Camera, Selection } from '../state/url-state';
import type { Workbench, WorkspaceSelection } from '../workbench/useWorkbench';
import { Badge } from '../ui/Badge';
import { useI18n } from '../i18n';
import { getLiveMap } from '../map/live-map';

const liveCentre = (): [number, number] | null => {
  const c = getLiveMap()?.map.getCenter();
  return c ? [c.lng, c.lat] : null;
};

export const loadWorkbenchPanel = () => import('../workbench/ui/WorkbenchPanel');
const WorkbenchPanel = lazy(loadWorkbenchPanel);

interface WorkbenchTabProps {
  workbench: Workbench | undefined;
  camera: Camera | undefined;
  openItemId: string | null;
  onOpenItem: (id: string | null) => void;
  selection: Selection | null;
  selectedFeature: GeoFeature | null;
  workspaceSelection: WorkspaceSelection | null;
  onFrame: (bounds: Bounds) => void;
  onShowThematic: (sublayerId: string, index: number) => void;
}

export function WorkbenchTab({ workbench: wb, camera, selection, selectedFeature, workspaceSelection, ...props }: WorkbenchTabProps) {
  const { t, locale } = useI18n();
  const loading = <Badge kind="chargement">{t('ui.app.loadingWorkbench')}</Badge>;
  if (!wb) return loading;
  const def = selection ? findSublayer(selection.sublayerId) : undefined;
  return (
    <Suspense fallback={loading}>
      <WorkbenchPanel
        api={wb.api}
        measure={wb.measure}
        // The map's own centre: the camera state is only set after a first move (none on a fresh load).
        mapCentre={() => liveCentre() ?? (camera ? [camera.lon, camera.lat] : null)}
        openItemId={props.openItemId}
        onOpenItem={props.onOpenItem}
        picked={wb.pickedSource(
          selection && selectedFeature && def ? { selection, feature: selectedFeature, def } : null,
          workspaceSelection && wb.selectedItem && wb.selectedFeature
            ? { selection: workspaceSelection, item: wb.selectedItem, feature: wb.selectedFeature }
            : null,
          locale,
        )}
        onFrame={props.onFrame}
        onShowThematic={props.onShowThematic}
        onKeepMeasure={() => void wb.keepMeasure()}
      />
    </Suspense>
  );
}
