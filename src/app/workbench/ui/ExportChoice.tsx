// The export's format and coordinate system, as the workbench's items and the layer panel's export
// dialog offer them: six formats, WGS 84 / Lambert-93 / CC50 where the format allows it, Lambert-93
// preselected for Shapefile and GeoPackage (what French GIS desks use), KML in WGS 84 only.
import { useState } from 'react';
import type { ExportCrs, ExportFormat } from '../../../core/types';
import { defaultExportCrs, EXPORT_FORMATS, exportCrsChoices, exportCrsName, exportLabel } from './labels';
import { useI18n } from '../../i18n';

export function useExportChoice() {
  const [format, setFormat] = useState<ExportFormat>('geojson');
  // null: the format's default; a system the format cannot write falls back to it too.
  const [chosenCrs, setCrs] = useState<ExportCrs | null>(null);
  const choices = exportCrsChoices(format);
  const crs = chosenCrs && choices.includes(chosenCrs) ? chosenCrs : defaultExportCrs(format);
  return { format, setFormat, crs, setCrs, choices };
}

export function ExportChoice({ uid, choice, formatLabel }: { uid: string; choice: ReturnType<typeof useExportChoice>; formatLabel: string }) {
  const { t, locale } = useI18n();
  const { format, setFormat, crs, setCrs, choices } = choice;
  return (
    <>
      <label htmlFor={`${uid}-format`}>{formatLabel}</label>
      <select id={`${uid}-format`} value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
        {EXPORT_FORMATS.map((f) => (
          <option key={f} value={f}>
            {exportLabel(f, locale)}
          </option>
        ))}
      </select>
      <label htmlFor={`${uid}-export-crs`}>{t('gis.export.crs')}</label>
      <select
        id={`${uid}-export-crs`}
        value={crs}
        onChange={(e) => setCrs(e.target.value as ExportCrs)}
        disabled={choices.length < 2}
        aria-describedby={choices.length < 2 ? `${uid}-export-crs-only` : undefined}
      >
        {choices.map((c) => (
          <option key={c} value={c}>
            {exportCrsName(c, locale)}
          </option>
        ))}
      </select>
      {choices.length < 2 && (
        <p className="wb-hint" id={`${uid}-export-crs-only`}>
          {t('gis.export.crsOnly')}
        </p>
      )}
    </>
  );
}
