// Where a bar of a card's chart starts and ends. Values below zero (« −8,8 % par rapport à 2018 »)
// are drawn leftwards from a zero line, their text on their left, so that a fall never looks like
// an empty bar; room is kept for the value text on the side(s) bars grow towards.

export interface BarPlace {
  x: number;
  width: number;
  /** Where the value's text starts (or ends, for a bar going left). */
  textX: number;
  anchor: 'start' | 'end';
}

export interface BarScale {
  /** x of the zero line. */
  zero: number;
  /** Whether some value is below zero (a zero line is then drawn). */
  diverging: boolean;
  place: (value: number) => BarPlace;
}

/** Bars for `values` over `width`, with `room` kept for the text beyond the longest bar on each side used. */
export function barScale(values: number[], width: number, room: number): BarScale {
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const span = max - min || 1;
  const sides = (min < 0 ? 1 : 0) + (max > 0 || min === 0 ? 1 : 0);
  const usable = Math.max(width - sides * room, 1);
  const zero = min < 0 ? room + (usable * -min) / span : 0;
  return {
    zero,
    diverging: min < 0,
    place: (value) => {
      const w = (Math.abs(value) / span) * usable;
      return value >= 0 ? { x: zero, width: w, textX: zero + w + 6, anchor: 'start' } : { x: zero - w, width: w, textX: zero - w - 6, anchor: 'end' };
    },
  };
}
