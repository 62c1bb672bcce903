// What the catalog says about a layer: caveat, measured metrics, features without geometry,
// what is missing, and the sources with producer, vintage and licence. Labels come from the
// catalog (French): translated through the glossary, else marked lang="fr".
import type { CatalogLayer, CatalogSource, LayerDefinition } from '../../../layers/types';
import { useI18n } from '../i18n';
import { domainString } from '../i18n/domain';
import { Domain, Fr } from '../i18n/Localized';
import { ExternalLink } from './ExternalLink';
import { formatMetric, formatNumber } from './format';

function Metrics({ layer }: { layer: CatalogLayer }) {
  const { t, locale } = useI18n();
  if (!layer.metrics.length) return null;
  return (
    <div className="metrics">
      <h3 className="layer-info-title">{t('ui.layer.metrics')}</h3>
      <dl>
        {layer.metrics.map((m) => (
          <div key={m.id} className="metric">
            <dt>
              <Domain>{m.label}</Domain>
            </dt>
            <dd className="metric-value">{formatMetric(m.value, m.unit, locale)}</dd>
            {m.note && (
              <dd className="metric-note">
                <Domain>{m.note}</Domain>
              </dd>
            )}
            {m.details && m.details.length > 0 && (
              <dd className="metric-details">
                <details>
                  <summary>{t('ui.layer.details', { n: m.details.length })}</summary>
                  <table>
                    <caption className="visually-hidden">{t('ui.layer.detailsCaption', { label: domainString(locale, m.label) })}</caption>
                    <tbody>
                      {m.details.map((d) => (
                        <tr key={d.label}>
                          <th scope="row">
                            <Fr>{d.label}</Fr>
                          </th>
                          <td>
                            {m.unit === '%' || m.unit === 'nombre' || m.unit === 'habitants'
                              ? formatMetric(d.value, m.unit, locale)
                              : `${formatNumber(d.value, locale)} ${m.unit}`}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              </dd>
            )}
          </div>
        ))}
      </dl>
    </div>
  );
}

function Items({ layer }: { layer: CatalogLayer }) {
  const { t } = useI18n();
  if (!layer.items.length) return null;
  return (
    <div className="items">
      <h3 className="layer-info-title">{t('ui.layer.items', { n: layer.items.length })}</h3>
      <ul>
        {layer.items.map((item, i) => (
          <li key={`${item.name}-${i}`}>
            <Fr>
              <strong>{item.name}</strong>
              {item.commune && <> — {item.commune}</>}
              {item.detail && <span className="note"> ({item.detail})</span>}
            </Fr>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Sources({ ids, sources }: { ids: string[]; sources: CatalogSource[] }) {
  const { t } = useI18n();
  const list = ids.map((id) => sources.find((s) => s.id === id)).filter((s): s is CatalogSource => !!s);
  if (!list.length) return null;
  return (
    <details className="sources">
      <summary>{t('ui.layer.sources', { n: list.length })}</summary>
      <ul>
        {list.map((s) => (
          <li key={s.id}>
            <span className="source-title">
              <Domain>{s.title}</Domain>
            </span>{' '}
            — <Fr>{`${s.producer}, ${s.vintage}`}</Fr>
            {t('ui.semicolon')}
            <Fr>{s.licenceUrl ? <ExternalLink href={s.licenceUrl}>{s.licence}</ExternalLink> : s.licence}</Fr>
            {s.origin === 'absente' && <span className="note"> {t('ui.layer.sourceAbsent')}</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function LayerInfo({
  definition,
  entry,
  sources,
}: {
  definition: LayerDefinition;
  entry: CatalogLayer | undefined;
  sources: CatalogSource[];
}) {
  const { t } = useI18n();
  return (
    <>
      {definition.caveat && (
        <p className="caveat">
          <strong>{t('ui.layer.caveat')}</strong> <Domain>{definition.caveat}</Domain>
        </p>
      )}
      {entry && <Metrics layer={entry} />}
      {entry && <Items layer={entry} />}
      {entry?.missing && (
        <p className="missing">
          <strong>{t('ui.layer.missing')}</strong> <Domain>{entry.missing}</Domain>
        </p>
      )}
      <Sources ids={entry?.sources.length ? entry.sources : definition.sources} sources={sources} />
    </>
  );
}
