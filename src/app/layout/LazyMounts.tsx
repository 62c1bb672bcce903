// The workbench (src/app/workbench) and meetings and sharing (src/app/present) are downloaded when
// used (see src/app/state/useLazyFeatures.ts). Mounted whatever the page, at the same place: the
// workspace and a presentation outlive a visit to the full pages.
import { lazy, Suspense } from 'react';
import type { WorkbenchMountProps } from '../workbench/WorkbenchMount';
import type { PresentMountProps } from '../present/PresentMount';
import type { LazyFeatures } from '../state/useLazyFeatures';

const WorkbenchMount = lazy(() => import('../workbench/WorkbenchMount'));
const PresentMount = lazy(() => import('../present/PresentMount'));

type FromShell<P, K extends keyof P> = Omit<P, K>;

interface LazyMountsProps {
  features: LazyFeatures;
  /** What the workbench needs from the shell (the rest comes from `features`). */
  workbench: FromShell<WorkbenchMountProps, 'dropped' | 'onDroppedTaken' | 'onReport'>;
  present: FromShell<PresentMountProps, 'workspace' | 'dialog' | 'setDialog' | 'onReport'>;
}

export function LazyMounts({ features, workbench, present }: LazyMountsProps) {
  return (
    <>
      {features.workbench.mounted && (
        <Suspense fallback={null}>
          <WorkbenchMount
            {...workbench}
            dropped={features.workbench.dropped}
            onDroppedTaken={features.workbench.takeDropped}
            onReport={features.workbench.report}
          />
        </Suspense>
      )}
      {features.present.mounted && (
        <Suspense fallback={null}>
          <PresentMount
            {...present}
            workspace={features.workbench.workspace}
            dialog={features.present.dialog}
            setDialog={features.present.setDialog}
            onReport={features.present.report}
          />
        </Suspense>
      )}
    </>
  );
}
