// English messages of the card focus and of the legend over the map.
import type { focus as fr } from './focus.fr';

export const focus: Record<keyof typeof fr, string> = {
  'focus.onlyCard': 'The map shows only this card’s layers.',
  'focus.allShown': 'The map also shows your other layers.',
  'focus.showAll': 'Show all layers',
  'focus.onlyCardButton': 'Show only the card’s layers',
  'focus.legend.title': 'Legend',
  'focus.legend.region': 'Map legend',
  'focus.legend.toggle': 'Legend',
  'focus.legend.empty': 'No layer shown.',
  'focus.legend.filterHelp': 'Click a class to show it alone.',
  'focus.legend.onlyClass': 'Show only “{label}” ({sublayer})',
  'focus.legend.filtered': 'Filter: only “{label}”',
  'focus.legend.clear': 'Show all',
  'focus.legend.clearOne': 'Show all of “{sublayer}”',
};
