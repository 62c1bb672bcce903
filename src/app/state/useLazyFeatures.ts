// When the workbench and the presentation code are downloaded (they are not part of the JavaScript
// the map needs to show): the shell asks this hook whether to mount WorkbenchMount / PresentMount,
// and keeps here the little state they need before they arrive.
// - Workbench: the « Atelier » tab, a file dropped on the map, an address naming workspace items
//   (espace=, objet-espace=, importes=), or a saved workspace (restored at start, as before).
// - Presentation: an address with presentation parameters, a header button, a workspace with
//   items (its `importes=` permalink parameter), and otherwise once the page is idle after start:
//   Ctrl+P must find the print sheet in place (the browser's print event gives no time to load it).
// Once wanted, a feature stays mounted.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { UrlState } from './url-state';
import { workspaceDatabaseExists, workspaceSavedFlag } from './workspace-saved';
import type { Workbench } from '../workbench/useWorkbench';
import type { PresentDialog } from '../present/usePresent';
import type { PresentReport } from '../present/PresentMount';
import type { WorkspaceLike } from '../present/state/useImportedRefs';

const hasPresentParams = (url: UrlState): boolean => Object.keys(url.present ?? {}).length > 0;
const namesWorkspace = (url: UrlState): boolean => !!(url.workspaceItem || url.workspaceSelection || url.present?.importes !== undefined);

const NO_ITEMS: WorkspaceLike['items'] = [];
const noUpdate = () => undefined;

/** Resolves when the page has loaded and the main thread is idle (or after a while at most). */
function useAfterStart(): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    let cancel = () => {};
    const wait = () => {
      if ('requestIdleCallback' in window) {
        const id = window.requestIdleCallback(() => setAfter(true), { timeout: 3000 });
        cancel = () => window.cancelIdleCallback(id);
      } else {
        // Safari has no requestIdleCallback.
        const id = setTimeout(() => setAfter(true), 1000);
        cancel = () => clearTimeout(id);
      }
    };
    if (document.readyState === 'complete') wait();
    else window.addEventListener('load', wait, { once: true });
    return () => {
      window.removeEventListener('load', wait);
      cancel();
    };
  }, []);
  return after;
}

export function useLazyFeatures(initialUrl: UrlState, atelierOpen: boolean) {
  // --- Workbench
  const [saved, setSaved] = useState<boolean | null>(workspaceSavedFlag);
  useEffect(() => {
    if (saved === null) void workspaceDatabaseExists().then(setSaved);
  }, [saved]);
  const [workbenchAsked, setWorkbenchAsked] = useState(() => namesWorkspace(initialUrl));
  const [dropped, setDropped] = useState<File[]>([]);
  const takeDropped = useCallback(() => setDropped([]), []);
  const [workbench, setWorkbench] = useState<Workbench | null>(null);
  const [workbenchMounted, setWorkbenchMounted] = useState(false);
  if (!workbenchMounted && (workbenchAsked || saved === true || atelierOpen || dropped.length > 0)) setWorkbenchMounted(true);

  /** What the presentation sees of the workspace before the workbench has read it (or when there is none). */
  const pendingWorkspace = workbenchMounted || saved === null;
  const workspace: WorkspaceLike = useMemo(
    () => workbench?.api ?? { items: NO_ITEMS, jobs: [], storage: pendingWorkspace ? 'chargement' : 'ok', updateItem: noUpdate },
    [workbench, pendingWorkspace],
  );

  // --- Presentation
  const afterStart = useAfterStart();
  const [presentAsked, setPresentAsked] = useState(() => hasPresentParams(initialUrl));
  const [dialog, setDialog] = useState<PresentDialog>(null);
  const [present, setPresent] = useState<PresentReport | null>(null);
  /** The presentation parameters of the address, kept as they are until the presentation code runs. */
  const [presentRaw, setPresentRaw] = useState<Record<string, string>>(() => initialUrl.present ?? {});
  const [presentMounted, setPresentMounted] = useState(false);
  if (!presentMounted && (presentAsked || afterStart || dialog !== null || workspace.items.length > 0)) setPresentMounted(true);

  /** An address typed or followed while the app runs may need either feature. */
  const followAddress = (url: UrlState) => {
    if (namesWorkspace(url)) setWorkbenchAsked(true);
    if (hasPresentParams(url)) setPresentAsked(true);
    setPresentRaw(url.present ?? {});
  };

  return {
    workbench: {
      mounted: workbenchMounted,
      current: workbench,
      report: setWorkbench,
      dropped,
      drop: setDropped,
      takeDropped,
      workspace,
    },
    present: {
      mounted: presentMounted,
      report: setPresent,
      urlParams: present?.urlParams ?? presentRaw,
      contrast: present?.contrast ?? false,
      dialog,
      setDialog,
      afterStart,
    },
    followAddress,
  };
}

export type LazyFeatures = ReturnType<typeof useLazyFeatures>;
