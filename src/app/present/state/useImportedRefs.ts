// Imported layers in permalinks (`importes=`): which workspace items are shown. They live in this
// browser's IndexedDB only, so a link opened elsewhere names layers that are not there: it is said.
import { useCallback, useEffect, useRef } from 'react';
import { useI18n } from '../../i18n';
import type { Notify } from './useDecks';

/** What the presentation needs from the workspace (useWorkspace's API fits). */
export interface WorkspaceLike {
  items: { id: string; name: string; visible: boolean }[];
  storage: 'chargement' | 'ok' | 'session';
  jobs: unknown[];
  updateItem: (id: string, patch: { visible: boolean }) => void;
}

export function useImportedRefs(initial: string[] | undefined, workspace: WorkspaceLike, notify: Notify) {
  const { t } = useI18n();
  const pending = useRef<string[] | undefined>(initial);
  const restored = workspace.storage !== 'chargement' && workspace.jobs.length === 0;
  const { items, updateItem } = workspace;

  /** Shows exactly `ids` among the items; returns the ids this browser does not have. */
  const show = useCallback(
    (ids: string[]): string[] => {
      for (const item of items) if (item.visible !== ids.includes(item.id)) updateItem(item.id, { visible: ids.includes(item.id) });
      return ids.filter((id) => !items.some((i) => i.id === id));
    },
    [items, updateItem],
  );

  const apply = useCallback(
    (ids: string[]) => {
      if (!restored) {
        pending.current = ids;
        return;
      }
      const missing = show(ids);
      if (missing.length) notify('avertissement', t('present.imported.missing', { n: missing.length, ids: missing.join(', ') }));
    },
    [restored, show, notify, t],
  );

  useEffect(() => {
    if (!restored || pending.current === undefined) return;
    const ids = pending.current;
    pending.current = undefined;
    apply(ids);
  }, [restored, apply]);

  // Until the workspace is read, the address keeps what it was opened with.
  const param = !restored && pending.current ? pending.current : items.length ? items.filter((i) => i.visible).map((i) => i.id) : undefined;
  return { param, apply, visible: items.filter((i) => i.visible).map((i) => i.id) };
}
