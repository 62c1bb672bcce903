// Ranks and totals, once the 36 communes are measured: each figure's rank among the communes,
// the CALL's total beside it, and per figure the sum of the communes against the CALL's total.
import type { CommuneProfile, FigureTotal } from '../../../layers/commune-profile';
import { ranks } from '../../../layers/commune-profile';
import { round } from '../../../layers/metrics';
import type { RawFigure } from './context';
import type { FigureSpec } from './specs';

export type RawProfile = Omit<CommuneProfile, 'figures'> & { raw: Map<string, RawFigure> };

export function rankFigures(rawProfiles: RawProfile[], specs: FigureSpec[]): { profiles: CommuneProfile[]; totals: FigureTotal[] } {
  // Ranks among the 36, on the stored (rounded) values.
  const profiles: CommuneProfile[] = rawProfiles.map(({ raw: _raw, ...rest }) => ({ ...rest, figures: [] }));
  for (const spec of specs) {
    const values = rawProfiles.map((p) => p.raw.get(spec.id)?.value ?? 0);
    const ranked = ranks(values);
    rawProfiles.forEach((p, i) => {
      const raw = p.raw.get(spec.id);
      if (!raw) return;
      profiles[i].figures.push({
        ...raw,
        rank: ranked[i].rank,
        tiedWith: ranked[i].tiedWith,
        callTotal: spec.callTotal,
        ...(spec.total === 'somme' && spec.callTotal > 0 ? { sharePercent: round((100 * raw.value) / spec.callTotal, 1) } : {}),
      });
    });
  }
  const totals: FigureTotal[] = specs.map((spec) => {
    const sum = rawProfiles.reduce((n, p) => n + (p.raw.get(spec.id)?.value ?? 0), 0);
    const sumOfCommunes = spec.total === 'moyenne' ? round(sum / rawProfiles.length, 1) : round(sum, 3);
    return {
      id: spec.id,
      label: spec.label,
      unit: spec.unit,
      kind: spec.total,
      callTotal: spec.callTotal,
      sumOfCommunes,
      gap: spec.total === 'somme' ? round(spec.callTotal - sumOfCommunes, 3) : 0,
    };
  });
  return { profiles, totals };
}
