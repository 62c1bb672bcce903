// The trame verte et bleue line of an analysis result, in the reader's language.
import { corridorCrossings } from '../../../core/analysis/corridors';
import type { AnalysisSummary } from '../../../core/types';
import { translate, translatePlural, type Locale } from '../../i18n';

export function corridorSentence(summary: AnalysisSummary, locale: Locale = 'fr'): string | null {
  const c = corridorCrossings(summary.hits);
  if (!c) return null;
  const sentence = translate(locale, 'tvb.crossings', {
    green: translatePlural(locale, 'tvb.green', c.green),
    blue: translatePlural(locale, 'tvb.blue', c.watercourses),
    bodies: c.waterBodies > 0 ? translatePlural(locale, 'tvb.bodies', c.waterBodies) : '',
  });
  return c.blueKnown ? sentence : `${sentence.replace(/\.$/, '')}${translate(locale, 'tvb.blueUnknown')}.`;
}
