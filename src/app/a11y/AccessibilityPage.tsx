// The accessibility statement (déclaration d'accessibilité, RGAA): conformity status, what was
// checked and how, known limits, contact and remedies. A full page like the cards list (#accessibilite).
import { PageShell } from '../layout/PageShell';
import { useEffect } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import { ExternalLink } from '../ui/ExternalLink';
import { AXE_TAGS, AXE_VERSION, CHECKED_VIEWS, STATEMENT_DATE, TEST_BROWSER } from './statement';
import './statement.css';

function Section({ id, title, items, paragraphs }: { id: string; title: MessageKey; items?: MessageKey[]; paragraphs?: MessageKey[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t(title)}</h2>
      {paragraphs?.map((p) => (
        <p key={p}>{t(p)}</p>
      ))}
      {items && (
        <ul>
          {items.map((i) => (
            <li key={i}>{t(i)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function AccessibilityPage({ mapHref, search }: { mapHref: string; search?: React.ReactNode }) {
  const { t, fmt } = useI18n();
  useEffect(() => {
    document.getElementById('contenu')?.focus();
  }, []);
  return (
    <PageShell subtitle={t('a11y.page.subtitle')} search={search} mapHref={mapHref} back>
      <main id="contenu" className="cards-page statement" tabIndex={-1} aria-labelledby="declaration-titre">
        <div className="statement-body">
          <h2 id="declaration-titre" className="statement-title">
            {t('a11y.page.title')}
          </h2>
          <p>{t('a11y.page.intro')}</p>
          <Section id="decl-etat" title="a11y.status.title" paragraphs={['a11y.status.text', 'a11y.status.audit']} />
          <section aria-labelledby="decl-verifie">
            <h2 id="decl-verifie">{t('a11y.checked.title')}</h2>
            <h3>{t('a11y.checked.axeTitle')}</h3>
            <p>{t('a11y.checked.axe', { version: AXE_VERSION, tags: AXE_TAGS.join(', '), browser: TEST_BROWSER })}</p>
            <ul>
              {CHECKED_VIEWS.map((v) => (
                <li key={v}>{t(v)}</li>
              ))}
            </ul>
            <p>{t('a11y.checked.axeResult')}</p>
            <h3>{t('a11y.checked.keyboardTitle')}</h3>
            <p>{t('a11y.checked.keyboard')}</p>
            <ul>
              {(
                [
                  'a11y.keyboard.skip',
                  'a11y.keyboard.search',
                  'a11y.keyboard.tabs',
                  'a11y.keyboard.table',
                  'a11y.keyboard.feature',
                  'a11y.keyboard.card',
                  'a11y.keyboard.workbench',
                ] as const
              ).map((k) => (
                <li key={k}>{t(k)}</li>
              ))}
            </ul>
            <h3>{t('a11y.checked.srTitle')}</h3>
            <p>{t('a11y.checked.sr')}</p>
            <h3>{t('a11y.checked.layoutTitle')}</h3>
            <p>{t('a11y.checked.layout')}</p>
          </section>
          <Section
            id="decl-limites"
            title="a11y.limits.title"
            items={['a11y.limits.map', 'a11y.limits.tiles', 'a11y.limits.french', 'a11y.limits.symbols', 'a11y.limits.sr', 'a11y.limits.dragDrop']}
          />
          <Section id="decl-techno" title="a11y.tech.title" paragraphs={['a11y.tech.text']} />
          <section aria-labelledby="decl-contact">
            <h2 id="decl-contact">{t('a11y.contact.title')}</h2>
            <p>{t('a11y.contact.text')}</p>
          </section>
          <section aria-labelledby="decl-recours">
            <h2 id="decl-recours">{t('a11y.remedy.title')}</h2>
            <p>{t('a11y.remedy.text')}</p>
            <ul>
              <li>
                <ExternalLink href="https://formulaire.defenseurdesdroits.fr/">{t('a11y.remedy.form')}</ExternalLink>
              </li>
              <li>{t('a11y.remedy.delegate')}</li>
              <li>{t('a11y.remedy.mail')}</li>
            </ul>
          </section>
          <p className="note">{t('a11y.page.date', { date: fmt.date(STATEMENT_DATE) })}</p>
        </div>
      </main>
    </PageShell>
  );
}
