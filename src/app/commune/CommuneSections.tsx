// What the commune holds beyond numbers: its QPV by name, waste sites and the nearest one (with
// the reference point and the site's position precision), named catchments, the report cards
// concerning it and every sentence of the report naming it, quoted under its heading.
import type { CommuneProfile, CommunesFile } from '../../../layers/commune-profile';
import { useI18n } from '../i18n';
import { around, mapLink } from './format';

export function QpvSection({ profile }: { profile: CommuneProfile }) {
  const { t } = useI18n();
  return (
    <section className="commune-section" aria-labelledby={`qpv-${profile.code}`}>
      <h2 id={`qpv-${profile.code}`}>{t('commune.qpv.title')}</h2>
      {profile.qpv.length === 0 ? (
        <p className="commune-none">{t('commune.qpv.none')}</p>
      ) : (
        <ul className="commune-qpv">
          {profile.qpv.map((q) => {
            const others = q.communes.filter((c) => c !== profile.nom);
            return (
              <li key={q.code}>
                <span lang="fr">{q.nom}</span> <span className="commune-code">({q.code})</span>
                {others.length > 0 && ` – ${t('commune.qpv.shared', { communes: others.join(', ') })}`}
              </li>
            );
          })}
        </ul>
      )}
      {!profile.qpvOutlines && profile.qpv.length > 0 && <p className="commune-note">{t('commune.qpv.noOutline')}</p>}
    </section>
  );
}

export function WasteSection({ profile }: { profile: CommuneProfile }) {
  const { t, fmt } = useI18n();
  const n = profile.nearestWasteSite;
  return (
    <section className="commune-section" aria-labelledby={`dechets-${profile.code}`}>
      <h2 id={`dechets-${profile.code}`}>{t('commune.waste.title')}</h2>
      {profile.wasteSites.length === 0 ? (
        <p className="commune-none">{t('commune.waste.none')}</p>
      ) : (
        <>
          <p>{t('commune.waste.here')}</p>
          <ul>
            {profile.wasteSites.map((s) => (
              <li key={s.index}>
                <a href={mapLink(profile.bounds, s)}>{s.name}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {n && (
        <>
          <p>
            {t('commune.waste.nearest', { name: n.name, commune: n.commune, km: fmt.fixed(n.km, 1) })}{' '}
            <a href={mapLink(around(profile.bounds, n.position), n.feature)}>{t('commune.seeMap')}</a>
          </p>
          {n.precisionM > 0 && (
            <p className="commune-approx">{t('commune.waste.precision', { km: fmt.fixed(n.plusMinusKm, 1), why: n.precisionText })}</p>
          )}
          <p className="commune-note">
            {t('commune.waste.reference', {
              lat: fmt.fixed(profile.referencePoint[1], 5),
              lon: fmt.fixed(profile.referencePoint[0], 5),
            })}
          </p>
        </>
      )}
    </section>
  );
}

export function CatchmentsSection({ profile }: { profile: CommuneProfile }) {
  const { t } = useI18n();
  return (
    <section className="commune-section" aria-labelledby={`captages-${profile.code}`}>
      <h2 id={`captages-${profile.code}`}>{t('commune.catchments.title')}</h2>
      {profile.catchments.length === 0 ? (
        <p className="commune-none">{t('commune.catchments.none')}</p>
      ) : (
        <ul>
          {profile.catchments.map((c) => (
            <li key={c.name} lang="fr">
              {c.name}
              {c.detail && ` – ${c.detail}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function CardsSection({ profile }: { profile: CommuneProfile }) {
  const { t } = useI18n();
  return (
    <section className="commune-section" aria-labelledby={`fiches-${profile.code}`}>
      <h2 id={`fiches-${profile.code}`}>{t('commune.cards.title')}</h2>
      {profile.cards.length === 0 ? (
        <p className="commune-none">{t('commune.cards.none')}</p>
      ) : (
        <ul className="commune-cards">
          {profile.cards.map((c) => (
            <li key={c.id}>
              <a href={`#fiche=${c.id}`} lang="fr">
                {c.title}
              </a>{' '}
              <span className="commune-note">({c.reasons.map((r) => t(`commune.cards.reason.${r}`)).join(', ')})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function QuotesSection({ profile, file }: { profile: CommuneProfile; file: CommunesFile }) {
  const { t } = useI18n();
  return (
    <section className="commune-section" aria-labelledby={`rapport-${profile.code}`}>
      <h2 id={`rapport-${profile.code}`}>{t('commune.quotes.title', { nom: profile.nom })}</h2>
      {!file.report ? (
        <p className="commune-none">{t('commune.quotes.missing')}</p>
      ) : profile.quotes.length === 0 ? (
        <p className="commune-none">{t('commune.quotes.none')}</p>
      ) : (
        <>
          <p>{t('commune.quotes.intro')}</p>
          <ul className="commune-quotes">
            {profile.quotes.map((q) => (
              <li key={`${q.line}-${q.quote}`}>
                <blockquote lang="fr">« {q.quote} »</blockquote>
                <p className="commune-quote-section" lang="fr">
                  {q.section}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
