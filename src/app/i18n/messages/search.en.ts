import type { Catalogue } from '../types';
import type { search as fr } from './search.fr';

export const search: Catalogue<typeof fr> = {
  'search.label': 'Search',
  'search.placeholder': 'Municipality, place, card…',
  'search.help': 'Municipalities, features of the layers and report cards. Up and down arrows browse the results, Enter chooses, Escape closes.',
  'search.resultsLabel': 'Search results',
  'search.results.one': '{n} result',
  'search.results.other': '{n} results',
  'search.none': 'No result.',
  'search.loading': 'No result yet: the data is still being read.',
  'search.group': '{label} ({total})',
  'search.groupPartial': '{label} ({shown} of {total})',
  'search.group.cards': 'Report cards',
};
