// The open table view (one sublayer at a time, `tableau=` in the address, its state kept by the app):
// the rule that drops a table of a sublayer without data, and the view itself. On a phone, choosing a row gives
// the map back (the table closes) so the chosen feature is seen.
import { useCallback, useEffect } from 'react';
import { findSublayer } from '../../../layers/index';
import type { LayerData } from '../data/useLayerData';
import type { Selection } from '../state/url-state';
import { FeatureTable } from './FeatureTable';
import { narrowScreen } from './screen';

interface TableViewInput {
  table: string | null;
  setTable: (sublayerId: string | null) => void;
  data: LayerData;
  settled: boolean;
  selection: Selection | null;
  /** Selects a feature on the map and frames it. */
  onShow: (sublayerId: string, index: number) => void;
}

export function useTableView({ table, setTable, data, settled, selection, onShow }: TableViewInput) {
  const found = table ? findSublayer(table) : undefined;
  const tableData = table ? data[table] : undefined;
  useEffect(() => {
    if (table && (!found || (settled && tableData?.state !== 'ok'))) setTable(null);
  }, [table, found, settled, tableData, setTable]);

  const open = useCallback((sublayerId: string) => setTable(sublayerId), [setTable]);
  const select = useCallback(
    (sublayerId: string, index: number) => {
      onShow(sublayerId, index);
      if (narrowScreen()) setTable(null);
    },
    [onShow, setTable],
  );

  const view =
    table && found && tableData?.state === 'ok' ? (
      <FeatureTable
        key={table}
        layer={found.layer}
        sublayer={found.sublayer}
        features={tableData.features}
        selectedIndex={selection?.sublayerId === table ? selection.index : null}
        onSelect={select}
        onClose={() => setTable(null)}
      />
    ) : null;
  return { open, view };
}
