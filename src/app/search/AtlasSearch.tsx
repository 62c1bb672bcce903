// The search box wired to the atlas: its index is built from the loaded layer data and the cards,
// its groups are named in the UI's language (sublayer titles through the glossary).
import { useCallback, useMemo } from 'react';
import { findSublayer, layerDefinitions } from '../../../layers/index';
import type { CardsState } from '../data/cards';
import { allSettled, type LayerData } from '../data/useLayerData';
import { useI18n } from '../i18n';
import { domainString } from '../i18n/domain';
import { buildSearchIndex, type SearchTarget } from './search-index';
import { SearchBox } from './SearchBox';

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
  const index = useMemo(() => buildSearchIndex(data, cardList ?? []), [data, cardList]);
  const groupLabel = useCallback(
    (group: string) =>
      group === 'fiches'
        ? t('search.group.cards')
        : group === 'ma-commune'
          ? t('commune.search.group')
          : domainString(locale, group === 'qpv' ? qpvTitle : (findSublayer(group)?.sublayer.title ?? group)),
    [t, locale],
  );
  const loading = !allSettled(data) || cards.status === 'chargement';
  return (
    <SearchBox
      index={index}
      groupLabel={groupLabel}
      resultsLang={locale === 'fr' ? undefined : 'fr'}
      onChoose={onChoose}
      onFocus={onFocus}
      loading={loading}
    />
  );
}
