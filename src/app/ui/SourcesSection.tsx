// Every source of the atlas, at the bottom of the « Couches » tab: the full credits (producer,
// vintage, licence), whatever is shown; the map's compact attribution lists only the visible
// layers' and points here.
import type { Catalog } from '../../../layers/types';
import { basemaps } from '../../core/map-style/basemaps';
import { useI18n } from '../i18n';
import { Domain, Fr } from '../i18n/Localized';
import { ExternalLink } from './ExternalLink';
import { producerOf } from './Attribution';

export function SourcesSection({ catalog }: { catalog: Catalog }) {
  const { t } = useI18n();
  const present = catalog.sources.filter((s) => s.origin !== 'absente');
  const online = basemaps.filter((b) => b.credit);
  return (
    <section className="all-sources" aria-labelledby="toutes-les-sources">
      <h2 id="toutes-les-sources">{t('shell.sources.title')}</h2>
      <p className="note">{t('shell.sources.intro')}</p>
      <ul>
        {present.map((s) => (
          <li key={s.id}>
            <span className="source-title">
              <Domain>{s.title}</Domain>
            </span>{' '}
            — <Fr>{`${producerOf(s)}, ${s.vintage}`}</Fr>
            {t('ui.semicolon')}
            <Fr>{s.licenceUrl ? <ExternalLink href={s.licenceUrl}>{s.licence}</ExternalLink> : s.licence}</Fr>
          </li>
        ))}
      </ul>
      <p className="note">{t('shell.sources.basemaps')}</p>
      <ul>
        {online.map((b) => (
          <li key={b.id}>
            <Fr>{`${b.label} — ${b.credit!.producer} (${b.credit!.date}) ; ${b.credit!.licence}`}</Fr>
          </li>
        ))}
      </ul>
    </section>
  );
}
