// The one feature sheet over the map: the selected thematic feature (with the report cards that
// concern it), else the selected feature of a workspace layer.
import { useMemo } from 'react';
import type { GeoFeature } from '../../../layers/types';
import { findSublayer } from '../../../layers/index';
import type { CardsState } from '../data/cards';
import type { Selection } from '../state/url-state';
import { cardsOfFeature } from '../cards/card-features';
import { FeaturePanel } from '../ui/FeaturePanel';
import type { Workbench, WorkspaceSelection } from '../workbench/useWorkbench';
import { useI18n } from '../i18n';

interface SelectedFeatureSheetProps {
  selection: Selection | null;
  feature: GeoFeature | null;
  cards: CardsState;
  workspaceSelection: WorkspaceSelection | null;
  workbench: Workbench | undefined;
  onCloseThematic: () => void;
  onCloseWorkspace: () => void;
  onOpenCard: (id: string) => void;
  /** « Zone tampon… »: opens the workbench with this feature picked. */
  onAnalyse: () => void;
}

export function SelectedFeatureSheet(props: SelectedFeatureSheetProps) {
  const { selection, feature, cards, workspaceSelection, workbench: wb } = props;
  const { t } = useI18n();
  const def = selection ? findSublayer(selection.sublayerId) : undefined;
  const featureCards = useMemo(
    () => (cards.status === 'ok' && selection && feature ? cardsOfFeature(cards.file.cards, selection.sublayerId, feature) : []),
    [cards, selection, feature],
  );
  const sheet =
    selection && feature && def
      ? { feature, ...def, cards: featureCards, onClose: props.onCloseThematic, action: t('ui.app.bufferFeature') }
      : workspaceSelection && wb?.selectedItem && wb.selectedFeature
        ? {
            feature: wb.selectedFeature,
            ...wb.workspaceDefinition(wb.selectedItem),
            cards: [],
            onClose: props.onCloseWorkspace,
            action: t('ui.app.bufferWorkspaceFeature'),
          }
        : null;
  if (!sheet) return null;
  return (
    <FeaturePanel
      feature={sheet.feature}
      layer={sheet.layer}
      sublayer={sheet.sublayer}
      cards={sheet.cards}
      onOpenCard={props.onOpenCard}
      onClose={sheet.onClose}
      actions={
        <>
          {selection?.sublayerId === 'communes' && feature && sheet.feature === feature && (
            <a href={`#commune=${String(feature.properties?.code)}`}>{t('commune.openFromFeature')}</a>
          )}
          <button type="button" className="link-button" onClick={props.onAnalyse}>
            {sheet.action}
          </button>
        </>
      }
    />
  );
}
