// The shape every benchmark returns, so `npm run bench` can print one table and write one JSON file.

/** How a line's figure is judged against its target. */
export type Target =
  /** ratio = value / baseline must be at most `value` (e.g. start ≤ 1.5× a bare MapLibre page). */
  | { kind: 'ratio-max'; value: number; text: string }
  /** baseline / value must be at least `value` (e.g. FlatGeobuf ≥ 5× faster than GeoJSON). */
  | { kind: 'speedup-min'; value: number; text: string }
  /** the figure itself must be at most `value`, in its own unit (e.g. longest task ≤ 200 ms). */
  | { kind: 'max'; value: number; text: string };

export interface Figure {
  label: string;
  value: number;
  unit: string;
}

export interface BenchLine {
  /** Section number of issue 7 (1 pipeline … 8 memory) and a stable id within it. */
  section: number;
  id: string;
  label: string;
  value: number;
  unit: string;
  baseline?: Figure;
  /** value / baseline.value when both are in the same unit. */
  ratio?: number;
  target?: Target;
  /** Whether the target is met; undefined when the line has no target. */
  met?: boolean;
  /** Raw samples, sizes, counts: what a reader needs to check the figure. */
  details?: Record<string, unknown>;
}

export function judge(line: Omit<BenchLine, 'met' | 'ratio'>): BenchLine {
  const ratio = line.baseline && line.baseline.value > 0 ? line.value / line.baseline.value : undefined;
  let met: boolean | undefined;
  if (line.target) {
    if (line.target.kind === 'max') met = line.value <= line.target.value;
    else if (ratio === undefined) met = false;
    else if (line.target.kind === 'ratio-max') met = ratio <= line.target.value;
    else met = 1 / ratio >= line.target.value;
  }
  return { ...line, ratio, met };
}

/** Median of timing samples (several runs on a noisy machine). */
export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
