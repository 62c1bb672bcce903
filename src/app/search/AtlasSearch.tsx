// The search box wired to the atlas: its index is built from the loaded layer data and the cards,
// plus the report's sentences (fetched on the first keystroke); its groups are named in the UI's
// language (sublayer titles through the glossary). A sentence opens its card at that sentence.
import { useCallback, useMemo, useRef } from 'react';
import { findSublayer, layerDefinitions } from '../../../layers/index';
import type { CardsState } from '../data/cards';
import { allSettled, type LayerData } from '../data/useLayerData';
import { useI18n } from '../i18n';
import { domainString } from '../i18n/domain';
import { buildSearchIndex, type SearchEntry, type SearchTarget } from './search-index';
import { SearchBox } from './SearchBox';
import { snippet } from './text/highlight';
import { Marked } from './text/Marked';
import { clearPassage, showPassage } from './text/passage-store';
import { passageEntries, TEXT_GROUP, useReportText } from './text/report-text';

interface AtlasSearchProps {
  data: LayerData;
  cards: CardsState;
  onChoose: (target: SearchTarget) => void;
  onFocus?: () => void;
}

const qpvTitle = layerDefinitions.find((l) => l.id === 'qpv')?.title ?? 'QPV';

export function AtlasSearch({ data, cards, onChoose, onFocus }: AtlasSearchProps) {
  const { t, locale } = useI18n();
  const cardList = cards.status === 'ok' ? cards.file.cards : null;
  const text = useReportText();
  const textFile = text.state.status === 'ok' ? text.state.file : null;
  const index = useMemo(
    () => [...buildSearchIndex(data, cardList ?? []), ...(textFile ? passageEntries(textFile.passages, cardList ?? []) : [])],
    [data, cardList, textFile],
  );
  const groupLabel = useCallback(
    (group: string) =>
      group === 'fiches'
        ? t('search.group.cards')
        : group === 'ma-commune'
          ? t('commune.search.group')
          : group === TEXT_GROUP
            ? t('report.text.group')
            : domainString(locale, group === 'qpv' ? qpvTitle : (findSublayer(group)?.sublayer.title ?? group)),
    [t, locale],
  );
  // What was typed, for the marks in the card: choosing puts the result's label in the box.
  const typed = useRef('');
  const onTextChange = useCallback(
    (value: string) => {
      typed.current = value;
      if (value.trim()) text.load();
    },
    [text],
  );
  const choose = useCallback(
    (target: SearchTarget) => {
      if (target.kind === 'card' && target.passage) showPassage({ cardId: target.cardId, ...target.passage, query: typed.current });
      else clearPassage();
      onChoose(target);
    },
    [onChoose],
  );
  const renderLabel = useCallback(
    (entry: SearchEntry, query: string) => (entry.group === TEXT_GROUP ? <Marked text={snippet(entry.label, query)} query={query} /> : entry.label),
    [],
  );
  const loading = !allSettled(data) || cards.status === 'chargement' || text.state.status === 'chargement';
  return (
    <SearchBox
      index={index}
      groupLabel={groupLabel}
      resultsLang={locale === 'fr' ? undefined : 'fr'}
      onChoose={choose}
      onFocus={onFocus}
      loading={loading}
      onTextChange={onTextChange}
      renderLabel={renderLabel}
    />
  );
}
