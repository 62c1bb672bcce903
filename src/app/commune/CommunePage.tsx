// « Ma commune » (#commune=<INSEE>) and communes side by side (#communes=a,b[,c,d]): a full page
// with the header and its search, read from communes.json (precached: it works offline).
import { useState, type ReactNode } from 'react';
import type { CommuneProfile, CommunesFile } from '../../../layers/commune-profile';
import type { Catalog, Theme } from '../../../layers/types';
import type { LayerData } from '../data/useLayerData';
import { useI18n } from '../i18n';
import { AppHeader } from '../ui/AppHeader';
import { SkipLinks } from '../ui/SkipLink';
import { CommuneMap } from './CommuneMap';
import { CompareTable } from './CompareTable';
import { CommuneSheet } from './CommuneSheet';
import { CardsSection, CatchmentsSection, QpvSection, QuotesSection, WasteSection } from './CommuneSections';
import { FiguresTable } from './FiguresTable';
import { RankChart } from './RankChart';
import { CHART_FIGURES, useCommunes } from './data';
import { mapLink } from './format';
import './commune.css';

export interface CommunePageProps {
  codes: string[];
  catalog: Catalog | null;
  data: LayerData;
  theme: Theme;
  search?: ReactNode;
  /** Address of the map (the page left). */
  mapHref: string;
}

function CompareForm({ file, profile }: { file: CommunesFile; profile: CommuneProfile }) {
  const { t } = useI18n();
  const [other, setOther] = useState('');
  return (
    <form
      className="commune-compare-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (other) window.location.hash = `communes=${profile.code},${other}`;
      }}
    >
      <label htmlFor={`comparer-${profile.code}`}>{t('commune.compare.add')}</label>
      <select id={`comparer-${profile.code}`} value={other} onChange={(e) => setOther(e.target.value)}>
        <option value="">{t('commune.compare.choose')}</option>
        {file.communes
          .filter((c) => c.code !== profile.code)
          .map((c) => (
            <option key={c.code} value={c.code}>
              {c.nom}
            </option>
          ))}
      </select>
      <button type="submit" disabled={!other}>
        {t('commune.compare.go')}
      </button>
    </form>
  );
}

function Profile({ file, profile, props }: { file: CommunesFile; profile: CommuneProfile; props: CommunePageProps }) {
  const { t, fmt } = useI18n();
  const [sheet, setSheet] = useState(false);
  if (sheet) return <CommuneSheet file={file} profile={profile} {...props} onClose={() => setSheet(false)} />;
  return (
    <article className="commune-page" aria-labelledby="commune-titre">
      <h1 id="commune-titre" tabIndex={-1}>
        {profile.nom}
      </h1>
      <p className="commune-intro">
        {t('commune.intro', { code: profile.code, population: fmt.int(profile.population), year: file.populationYear ?? '' })}
      </p>
      <div className="commune-actions">
        <a href={mapLink(profile.bounds, profile.feature)}>{t('commune.seeMap')}</a>
        <button type="button" onClick={() => setSheet(true)}>
          {t('commune.sheet.open')}
        </button>
        <CompareForm file={file} profile={profile} />
      </div>
      <CommuneMap profile={profile} data={props.data} catalog={props.catalog} theme={props.theme} />
      <section className="commune-section" aria-labelledby="commune-chiffres">
        <h2 id="commune-chiffres">{t('commune.figures.title')}</h2>
        <FiguresTable profile={profile} totals={file.totals} />
        <p className="commune-note">{t('commune.gapNote')}</p>
      </section>
      <section className="commune-section" aria-labelledby="commune-graphiques">
        <h2 id="commune-graphiques">{t('commune.charts.title')}</h2>
        <div className="rank-charts">
          {CHART_FIGURES.map((id) => (
            <RankChart key={id} id={id} profile={profile} all={file.communes} />
          ))}
        </div>
      </section>
      <QpvSection profile={profile} />
      <WasteSection profile={profile} />
      <CatchmentsSection profile={profile} />
      <CardsSection profile={profile} />
      <QuotesSection profile={profile} file={file} />
    </article>
  );
}

export default function CommunePage(props: CommunePageProps) {
  const { t } = useI18n();
  const state = useCommunes();
  let body: ReactNode;
  if (state.status === 'chargement') body = <p role="status">{t('commune.loading')}</p>;
  else if (state.status === 'erreur') body = <p role="alert">{t('commune.error', { message: state.message })}</p>;
  else {
    const profiles = props.codes.map((code) => state.file.communes.find((c) => c.code === code));
    const unknown = props.codes.find((_, i) => !profiles[i]);
    if (unknown) body = <p role="alert">{t('commune.unknown', { code: unknown })}</p>;
    else if (profiles.length === 1) body = <Profile file={state.file} profile={profiles[0]!} props={props} />;
    else body = <CompareTable profiles={profiles as CommuneProfile[]} />;
  }
  return (
    <div className="app app-page">
      <SkipLinks
        label={t('a11y.skip.label')}
        links={[
          { target: 'contenu', label: t('a11y.skip.content') },
          { target: 'recherche', label: t('a11y.skip.search') },
        ]}
      />
      <AppHeader
        subtitle={t('commune.page.subtitle')}
        search={props.search}
        action={
          <a className="header-link" href={props.mapHref}>
            {t('ui.header.seeMap')}
          </a>
        }
      />
      <main id="contenu" className="commune-main" tabIndex={-1}>
        {body}
      </main>
    </div>
  );
}
