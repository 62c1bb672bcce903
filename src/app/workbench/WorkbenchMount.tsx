// The planner's workbench (workspace, imports, measures, analyses), mounted by the app shell once
// wanted (see src/app/state/useLazyFeatures.ts): runs useWorkbench and reports it back to the shell,
// which draws its layers and shows its panel. Files dropped on the map before this code arrived
// wait in the shell and are imported here.
import { useEffect, useRef } from 'react';
import type { Bounds, Catalog } from '../../../layers/types';
import { useWorkbench, type Workbench, type WorkbenchUrlState } from './useWorkbench';

export interface WorkbenchMountProps extends WorkbenchUrlState {
  catalog: Catalog | null;
  onFrame: (bounds: Bounds) => void;
  /** Files dropped on the map, not imported yet. */
  dropped: File[];
  onDroppedTaken: () => void;
  onReport: (workbench: Workbench | null) => void;
}

export default function WorkbenchMount({ catalog, onFrame, dropped, onDroppedTaken, onReport, ...url }: WorkbenchMountProps) {
  const onFrameRef = useRef(onFrame);
  onFrameRef.current = onFrame;
  const workbench = useWorkbench(catalog, url, (b) => onFrameRef.current(b));
  useEffect(() => onReport(workbench), [workbench, onReport]);
  useEffect(() => () => onReport(null), [onReport]);

  const { importFiles } = workbench.api;
  // A ref, not state: React may run effects twice in development, and a file is imported once.
  const taken = useRef<File[] | null>(null);
  useEffect(() => {
    if (!dropped.length || taken.current === dropped) return;
    taken.current = dropped;
    onDroppedTaken();
    void importFiles(dropped);
  }, [dropped, importFiles, onDroppedTaken]);
  return null;
}
