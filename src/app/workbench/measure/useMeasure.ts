// State of the measure tool: mode and vertices. Map clicks add vertices while a mode is active;
// the keyboard path adds the map centre instead (see MeasureSection).
import { useCallback, useMemo, useState } from 'react';
import type { Position } from 'geojson';
import type { MeasureMode } from './measure';

export function useMeasure() {
  const [mode, setMode] = useState<MeasureMode | null>(null);
  const [points, setPoints] = useState<Position[]>([]);
  const start = useCallback((m: MeasureMode) => {
    setMode(m);
    setPoints([]);
  }, []);
  const stop = useCallback(() => {
    setMode(null);
    setPoints([]);
  }, []);
  const add = useCallback((p: Position) => setPoints((list) => [...list, [p[0], p[1]]]), []);
  const undo = useCallback(() => setPoints((list) => list.slice(0, -1)), []);
  return useMemo(() => ({ mode, points, start, stop, add, undo }), [mode, points, start, stop, add, undo]);
}

export type MeasureApi = ReturnType<typeof useMeasure>;
