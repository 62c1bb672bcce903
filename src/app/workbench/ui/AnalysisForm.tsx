// Buffer a layer, one of its features, or a thematic feature by N metres and intersect the zone
// with every thematic layer (the work runs in the worker; a progress bar shows in the job list).
import { useId, useState } from 'react';
import { MAX_BUFFER_M } from '../../../core/analysis/buffer-analysis';
import type { ThematicSource } from '../../../core/worker-protocol';
import { useI18n } from '../../i18n';

export interface SourceOption {
  key: string;
  label: string;
  source: ThematicSource;
}

export function AnalysisForm({
  options,
  busy,
  onRun,
}: {
  options: SourceOption[];
  busy: boolean;
  onRun: (source: ThematicSource, distanceM: number) => void;
}) {
  const { t } = useI18n();
  const uid = useId();
  const [choice, setChoice] = useState(options[0]?.key ?? '');
  const [distance, setDistance] = useState('100');
  const chosen = options.find((o) => o.key === choice) ?? options[0];
  const metres = Number(distance.replace(',', '.'));
  const valid = Number.isFinite(metres) && metres >= 1 && metres <= MAX_BUFFER_M;
  if (!chosen) return null;
  return (
    <form
      className="wb-analysis-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onRun(chosen.source, Math.round(metres));
      }}
    >
      <fieldset>
        <legend>{t('wb.analysis.around')}</legend>
        {options.map((o) => (
          <div key={o.key}>
            <input type="radio" id={`${uid}-${o.key}`} name={`${uid}-source`} checked={chosen.key === o.key} onChange={() => setChoice(o.key)} />
            <label htmlFor={`${uid}-${o.key}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
      <label htmlFor={`${uid}-distance`}>{t('wb.analysis.distance')}</label>
      <input
        id={`${uid}-distance`}
        inputMode="decimal"
        value={distance}
        onChange={(e) => setDistance(e.target.value)}
        aria-invalid={!valid}
        aria-describedby={`${uid}-aide`}
      />
      <p id={`${uid}-aide`} className="wb-hint">
        {valid ? t('wb.analysis.hint') : t('wb.analysis.invalid', { max: MAX_BUFFER_M })}
      </p>
      <button type="submit" className="wb-primary" disabled={!valid || busy}>
        {t('wb.analysis.run')}
      </button>
    </form>
  );
}
