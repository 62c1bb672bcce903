// Footer of the layer panel: the atlas as a QGIS project, online (.qgs reading the site's FlatGeobuf
// files) or offline (.zip with a GeoPackage). Both files are written by the data build
// (scripts/geodata/qgis/).
import { DATA_BASE } from '../../core/data/catalog';
import { useI18n } from '../i18n';

export const QGIS_PROJECT_FILE = 'atlas-lens-lievin.qgs';
export const QGIS_BUNDLE_FILE = 'atlas-lens-lievin.zip';

export function QgisLinks() {
  const { t } = useI18n();
  return (
    <section className="qgis-links" aria-labelledby="titre-qgis">
      <h3 id="titre-qgis">{t('gis.qgis.title')}</h3>
      <ul>
        <li>
          <a href={`${DATA_BASE}${QGIS_PROJECT_FILE}`} download={QGIS_PROJECT_FILE} data-qgis="projet">
            {t('gis.qgis.open')}
          </a>
        </li>
        <li>
          <a href={`${DATA_BASE}${QGIS_BUNDLE_FILE}`} download={QGIS_BUNDLE_FILE} data-qgis="paquet">
            {t('gis.qgis.bundle')}
          </a>
        </li>
      </ul>
      <p className="hint">{t('gis.qgis.hint')}</p>
    </section>
  );
}
