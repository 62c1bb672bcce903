// The figures of a commune profile, in display order: one spec per figure, with the CALL's own
// total taken from the layer's metrics (or measured in the territory when the layer has none).
import type { ProfileContext } from './context';
import { citesSpecs } from './specs-cites';
import { landscapeSpecs } from './specs-landscape';
import { servicesSpecs } from './specs-services';

export interface FigureSpec {
  id: string;
  label: string;
  unit: string;
  layer: string;
  /** 'somme': the 36 values add up to the CALL's; 'moyenne': the CALL's figure is their mean. */
  total: 'somme' | 'moyenne' | 'liste';
  callTotal: number;
  none: string;
  note?: string;
}

/** The order here is the order of each profile's figures and of the totals in communes.json. */
export const figureSpecs = (ctx: ProfileContext): FigureSpec[] => [...landscapeSpecs(ctx), ...citesSpecs(ctx), ...servicesSpecs(ctx)];
