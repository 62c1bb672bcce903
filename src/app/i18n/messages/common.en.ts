import type { Catalogue } from '../types';
import type { common as fr } from './common.fr';

export const common: Catalogue<typeof fr> = {
  'app.title': 'Atlas Lens-Liévin',
  'app.subtitle': 'Lens-Liévin urban community · 36 municipalities',
  'language.label': 'Language',
  'language.fr': 'Français',
  'language.en': 'English',
};
